"""`planparse train` and `planparse eval`: the classifiers and the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.option("--corpus", "root", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Corpus folder (default: the installed corpus).")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the models (default: the package's models/ folder).")
def train(root: Path | None, output: Path | None) -> None:
    """Train the models on the corpus's train split.

    Writes the section classifier, the plan-type classifier, the line-role model's
    two passes (line_roles.npz, line_roles_context.npz), the corpus profiles that
    suggest draws on and the segmentation dictionary; the same corpus gives the
    same models. Needs scikit-learn (pip install 'planparse[train]').

    \b
    Example:
      planparse train --corpus corpus -o models
    """
    from planparse.errors import require

    require("sklearn", "training", "'planparse[train]'")
    from planparse.classifier.training import train as run

    out = output or _models_dir()
    stats = run(root, out)
    click.echo(f"trained on {stats['documents']} documents: {stats['section_examples']} sections, "
               f"{stats['plan_examples']} plans, {stats['line_examples']} lines → {out}", err=True)


@click.command("eval")
@click.option("--split", type=click.Choice(["test", "train"]), default="test", show_default=True)
@click.option("--corpus", "root", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None)
@click.option("--models", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Evaluate the models in this folder instead of the installed ones.")
@click.option("--min-f1", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Exit 1 when macro-F1 over section kinds is below this.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def evaluate(split: str, root: Path | None, models: Path | None, min_f1: float, fmt: str) -> None:
    """Score the classifiers on a corpus split (the held-out test split by default).

    Prints per-kind precision, recall and F1, macro-F1, the confusion matrix (rows:
    annotated kind, columns: predicted) and plan-type accuracy.

    \b
    Example:
      planparse eval --min-f1 0.9
    """
    from planparse.classifier.training import evaluate as run

    report = run(split, root, models)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(f"{'kind':<11} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>7}")
        for label, p, r, f, n in report.per_class():
            click.echo(f"{label:<11} {p:>9.3f} {r:>7.3f} {f:>6.3f} {n:>7}")
        click.echo(f"macro-F1 {report.macro_f1:.3f}   accuracy {report.accuracy:.3f}   "
                   f"plan type accuracy {report.plan_types[0]}/{report.plan_types[1]}")
        click.echo(f"\n{'group':<28} {'sections':>8} {'macro-F1':>8} {'accuracy':>8}")
        for name, group in report.groups.items():
            click.echo(f"{name:<28} {int(group.matrix.sum()):>8} {group.macro_f1:>8.3f} {group.accuracy:>8.3f}")
        short = [lab[:5] for lab in report.labels]
        click.echo("\nconfusion (rows: annotated, columns: predicted)")
        click.echo(" " * 11 + " ".join(f"{s:>5}" for s in short))
        for label, row in zip(report.labels, report.matrix):
            click.echo(f"{label:<11}" + " ".join(f"{v:>5}" for v in row))
    if report.macro_f1 < min_f1:
        raise SystemExit(1)


def _models_dir() -> Path:
    from planparse.classifier import models_dir

    return models_dir()
