"""Chinese numerals: reading them (十二 → 12) and writing them (21 → 二十一)."""

from __future__ import annotations

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_DIGITS.update(zip("壹贰貳叁參参肆伍陆陸柒捌玖", (1, 2, 2, 3, 3, 3, 4, 5, 6, 6, 7, 8, 9)))  # formal numerals
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def cn_to_int(s: str) -> int | None:
    """Read a Chinese numeral up to 999: 十二 → 12, 二十一 → 21, 一百零五 → 105, 參 → 3.

    >>> cn_to_int("十二"), cn_to_int("二十"), cn_to_int("三"), cn_to_int("拾壹")
    (12, 20, 3, 11)
    """
    s = s.translate(_FULLWIDTH)
    if s.isdigit():
        return int(s)
    total, current = 0, 0
    for ch in s:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in "十拾":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def chinese_number(n: int) -> str:
    """Write 1..99 in Chinese numerals: 1 → 一, 12 → 十二, 21 → 二十一."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
