"""Dated activities of plans: headers, rolling school years, coordination, who, recurrences."""

from __future__ import annotations

import pytest

import planparse


def acts(text, **kw):
    doc = planparse.parse(text, **kw)
    return [(a.line, a.when.text, a.when.start and a.when.start.isoformat(), a.when.precision, a.what)
            for p in doc.plans for a in p.activities]


def test_items_under_month_headers_roll_into_january():
    text = "四、活动安排\n九月份：\n1、制定计划。\n十二份：\n1、说课评比。\n一月份：\n1、期末总结。\n"
    assert acts(text, year=2024) == [
        (2, "九月份", "2024-09-01", "month", "制定计划"),
        (4, "十二份", "2024-12-01", "month", "说课评比"),
        (6, "一月份", "2025-01-01", "month", "期末总结"),
    ]


def test_the_plans_own_year_wins_over_the_option():
    text = "2012年工会工作计划\n一、主要工作\n1、4月中旬举行炊工比武。\n"
    doc = planparse.parse(text, year=2024)
    assert doc.plans[0].year == 2012
    assert doc.plans[0].activities[0].when.start.isoformat() == "2012-04-11"


def test_a_year_written_bare_before_the_titles_words_is_the_plans():
    """"2024保育员工作计划篇1" (corpus rw233): a template site writes the year without 年, before the
    title's words, right after them ("小学少先队工作计划2024春 (篇1)", corpus rw1285) or amid them; a copy's number
    ("保育员工作计划篇2024") or a count of characters ("医院工作计划1960字", corpus rw771) names no year."""
    assert acts("2024保育员工作计划篇1\n一、具体措施\n1、9月中旬配合保健医生开展体检。\n")[0][2] == "2024-09-11"
    assert acts("小学少先队工作计划2024春 (篇1)\n一、具体措施\n1、3月5日前后开展学雷锋活动。\n")[0][2] == "2024-03-05"
    assert acts("保育员工作计划篇2024\n一、具体措施\n1、9月中旬开展体检。\n")[0][2] is None
    # amid the title's words, before the season the plan is for (corpus rw1589): "幼儿园2023春季工作计划篇1"
    assert acts("幼儿园2025春季工作计划篇2\n一、月份安排\n1、3月上旬召开家长会。\n")[0][2] == "2025-03-01"
    assert acts("第四篇 医院工作计划1960字\n一、具体措施\n1、5月12日开展护士节表彰。\n")[0][2] is None
    blog = ("2024，给自己立几个Flag\n先交代一下自己：93年的，2022年考上了在职研究生，今年是读研的最后一年。\n"
            "一、工作\n1. 4月12-19日在武汉仓做试运行。\n")  # corpus rw315: "2024，" before a blog post's words
    assert acts(blog)[0][2] == "2024-04-12"


def test_a_years_review_and_plan_dates_the_plan_by_the_year_its_part_names():
    """A charity federation's page, untitled, that reviews 2024 under "一、2024 年工作总结" and plans under
    "二、2025 年工作计划" (corpus rw1620): the plan's activities are 2025's, not the review's year it opens with."""
    text = ("2024年，区慈善总会在各方支持下，募集善款九十八万元，救助困难群众一千二百人次。\n一、2024 年工作总结\n"
            "全年开展助医、助困、助学活动三十余次。\n二、2025 年工作计划\n1.6月30日前完成社区公益基金年度审计。\n")
    assert acts(text)[-1][2] == "2025-06-30"


def test_spring_term_of_a_school_year_is_its_second_year():
    text = "2023-2024学年第二学期教研计划\n三、具体安排\n三月份：\n1、制定计划。\n"
    assert acts(text)[0][2] == "2024-03-01"


def test_no_year_means_null_dates_not_a_guess():
    assert acts("一、安排\n1、5月中旬举办运动会。\n") == [(2, "5月中旬", None, "xun", "举办运动会")]


def test_a_title_that_leaves_its_year_blank_takes_none_from_its_goals():
    """"20XX年度在XX镇乡村建设行动方案" (corpus rw1350, a template farm's): the year is left blank, and the goals'
    "到2025年" is a target, not the plan's year: its months stay undated."""
    text = ("20XX年度在XX镇乡村建设行动方案\n一、总体要求\n到2025年，全镇乡村建设取得实质性进展。\n"
            "二、主要任务\n1、6月底前完成3个村的村庄规划编制。\n")
    (plan,) = planparse.parse(text).plans
    assert plan.year is None
    assert [(a.when.text, a.when.start) for a in plan.activities] == [("6月底", None)]


def test_coordinated_festivals_give_one_activity_each():
    found = acts("一、主要工作\n1、五一和国庆期间分别举办职工歌咏比赛。\n", year=2024)
    assert [(w, s) for _, w, s, _, _ in found] == [("五一", "2024-05-01"), ("国庆期间", "2024-10-01")]


def test_a_coarser_date_describing_a_finer_one_is_not_an_activity():
    found = acts("一、安排\n1、5月份组织开展教职工春季趣味运动会。\n", year=2024)
    assert [w for _, w, _, _, _ in found] == ["5月份"]


def test_who_is_taken_from_the_text():
    doc = planparse.parse("三、安排\n三月份：\n1、组织第一次教研活动(严海群老师执教)\n2、完成自查（负责人：工会办公室）\n",
                          year=2024)
    assert [a.who for a in doc.plans[0].activities] == ["严海群老师", "工会办公室"]


def test_recurrences_go_to_recurring():
    doc = planparse.parse("一、工作\n1、坚持每季度召开一次联席会议，二个月出刊一期简报。\n")
    rec = [(r.when.text, r.when.every, r.when.interval) for r in doc.plans[0].recurring]
    assert rec == [("每季度", "quarter", 1), ("二个月", "month", 2)]
    assert doc.plans[0].activities == ()


def test_items_on_a_month_headers_line_are_dated_clause_by_clause():
    text = "2024年幼儿园工作计划\n三、月份安排\n十月：国庆节开展爱国主题活动；10月下旬举行亲子运动会。\n十一月：开展消防宣传月活动。\n"
    assert [(w, s) for _, w, s, _, _ in acts(text)] == [
        ("国庆节", "2024-10-01"), ("10月下旬", "2024-10-21"), ("十一月", "2024-11-01")]


def test_a_schedule_table_row_reads_like_its_month_header():
    """`render` writes a schedule as rows "| 10月 | item |": read back, an item's own dates win
    clause by clause, as under a month header, and rows that repeat a month roll the year once."""
    header = acts("2024年幼儿园工作计划\n三、月份安排\n十月：国庆节开展爱国主题活动；10月下旬举行亲子运动会。\n"
                  "十二月：12.5开展演练。\n一月：期末总结。\n")
    rows = acts("2024年幼儿园工作计划\n三、月份安排\n| 时间 | 安排 |\n| --- | --- |\n"
                "| 10月 | 国庆节开展爱国主题活动；10月下旬举行亲子运动会。 |\n| 12月 | 12.5开展演练。 |\n"
                "| 1月 | 期末总结。 |\n| 1月 | 寒假安全教育。 |\n")
    assert [(w, s) for _, w, s, _, _ in rows] == [
        ("国庆节", "2024-10-01"), ("10月下旬", "2024-10-21"), ("12.5", "2024-12-05"),
        ("1月", "2025-01-01"), ("1月", "2025-01-01")]
    assert [(w, s) for _, w, s, _, _ in header][:2] == [(w, s) for _, w, s, _, _ in rows][:2]


def test_a_week_row_keeps_its_week():
    rows = acts("2025年班主任工作计划\n三、周次安排\n| 第8周 | 参加学校春季运动会。 |\n")
    assert [(w, p) for _, w, _, p, _ in rows] == [("第8周", "week")]


def test_a_month_with_once_is_a_date_not_a_recurrence():
    doc = planparse.parse("2024年心理健康教育计划\n二、安排\n十一月：11月组织一次心理委员培训。\n")
    assert [str(a.when.start) for a in doc.plans[0].activities] == ["2024-11-01"] and doc.plans[0].recurring == ()


def test_the_year_changes_dates_never_activities():
    from planparse.classifier.annotations import load_corpus

    text = "工会工作计划\n二、活动安排\n1、5月份组织开展迎奥运教职工春季趣味运动会。\n"
    assert [w for _, w, _, _, _ in acts(text)] == [w for _, w, _, _, _ in acts(text, year=2012)] == ["5月份"]
    for doc in load_corpus()[::4]:
        counts = {y: sum(len(p.activities) for p in planparse.parse_file(doc.path, year=y).plans)
                  for y in (None, 2012, 2024)}
        assert len(set(counts.values())) == 1, (doc.id, counts)


def test_a_dated_activity_stays_whatever_year_is_given():
    """A plan with no year of its own that dates an item in full ("于2017年3月6日左右招募", corpus
    rw622): --year dates what has no year, it never turns a written date into background."""
    text = "大学生支教计划策划书\n一、活动简介\n青志协计划于2017年3月6日左右面向全院学生招募支教志愿者40名。\n"
    assert [(w, start) for _, w, start, _, _ in acts(text, year=2024)] == [("2017年3月6日", "2017-03-06")]
    assert [w for _, w, _, _, _ in acts(text)] == ["2017年3月6日"]


def test_a_season_in_an_activitys_name_yields_to_its_date():
    doc = planparse.parse("一、主要工作\n1、春季传染病防控培训于3月上旬完成。\n2、暑期托管班的开班准备工作于6月底前完成。\n"
                          "3、开展春季村庄清洁行动。\n", year=2024)
    assert [a.when.text for a in doc.plans[0].activities] == ["3月上旬", "6月底", "春季"]


def test_a_school_years_plan_runs_through_both_terms():
    names = ["九月", "十月", "十一月", "十二月", "一月", "二月", "三月", "四月", "五月", "六月"]
    text = "2024—2025学年个人工作计划\n一、总目标\n本学期站稳讲台，带好班级。\n二、按月安排\n" + "".join(
        f"{m}：组织一次教研活动。\n" for m in names)
    got = [(w, start) for _, w, start, _, _ in acts(text)]
    assert got[0] == ("九月", "2024-09-01") and got[-1] == ("六月", "2025-06-01")


def test_the_documents_own_date_field_is_no_activity():
    """"编制日期：2024年1月8日" on a Word copy's cover (corpus rw69) says when the plan was drawn up."""
    from planparse import parse

    doc = parse("\n".join(["2024年度工作计划", "编制单位：综合管理部", "编制日期：2024年1月8日", "一、月度安排",
                           "1、1月8日召开年度经营工作会。"]))
    assert [(a.when.text, a.line) for a in doc.plans[0].activities] == [("1月8日", 5)]


def test_each_line_led_by_its_date_is_an_item_of_its_own():
    """A schedule written one item a line, each led by its dotted date and a space, with no stop
    at the line's end (corpus rw273): one activity a line, never one sentence joined across them."""
    text = ("2023-2024学年第一学期班主任工作计划\n四、活动安排\n10.16-10.20 秋季运动会报名及训练\n"
            "11.13-11.17 期中考试、家长会\n12.29 元旦文艺联欢\n1月中旬 期末考试，寒假前安全教育\n")
    assert [(line, w) for line, w, _, _, _ in acts(text)] == [
        (3, "10.16-10.20"), (4, "11.13-11.17"), (5, "12.29"), (6, "1月中旬")]


def test_a_plan_without_a_year_of_its_own_takes_the_year_of_the_notice_that_sends_it():
    """A women's federation's notice dated 2024年2月26日 sends out "……“三八”國際勞動婦女節114周年系列活動
    方案", whose text names no year (corpus rw309): its dates fall in 2024. A plan further on, after
    another plan, takes nothing from that notice."""
    notice = ["關於印發《紀念“三八”國際勞動婦女節114周年系列活動方案》的通知", "各鄉鎮婦聯：",
              "現將《紀念“三八”國際勞動婦女節114周年系列活動方案》印發給你們，請認真貫徹落實。", "鳳川縣婦女聯合會", "2024年2月26日"]
    plan = ["紀念“三八”國際勞動婦女節114周年系列活動方案", "一、活動時間", "3月1日至8日集中開展活動。",
            "二、主要活動", "1．3月7日舉辦巾幗建功表彰會。"]
    later = ["篇二", "一、主要活动", "1．5月12日开展母亲节亲子活动。"]
    doc = planparse.parse("\n".join(notice + plan + later))
    assert [(p.title, p.year) for p in doc.plans][-1] == (later[0], None)
    assert [(p.title, p.year) for p in doc.plans][0] == (plan[0], 2024)
    assert doc.plans[0].activities[-1].when.start.isoformat() == "2024-03-07"


def test_a_title_that_ends_with_the_years_it_covers_gives_the_plans_year():
    """"學校社會工作服務年度計劃2024-2025" (corpus rw331): the plan's year is the first of the two."""
    text = "學校社會工作服務年度計劃2024-2025\n一、服務目標\n1. 11月舉辦家長講座。\n"
    assert acts(text)[0][2] == "2024-11-01"


def test_a_school_years_plan_puts_january_to_july_in_its_second_year():
    """"國立清溪高級中學113學年度春暉專案實施計畫" (corpus rw66) and "2023—2024学年度学校工作计划"
    (rw320): a whole school year runs from September to the next summer, so its table's "1/6-1/10"
    and its "3月5日" fall in the second year; "2025-2025学年度" (rw50) names no second year."""
    roc = "國立清溪高級中學113學年度春暉專案實施計畫\n一、實施內容\n第15週 | 12/2-12/6 | 衛教闖關活動\n第20週 | 1/6-1/10 | 寒假前家訪\n"
    assert [a[2] for a in acts(roc)] == ["2024-12-02", "2025-01-06"]
    years = "峄北区第三中学2023—2024学年度学校工作计划\n一、主要工作\n1. 10月举行秋季运动会。\n2. 3月5日启动学雷锋志愿服务月。\n"
    assert [a[2] for a in acts(years)] == ["2023-10-01", "2024-03-05"]
    slip = "东港区实验小学2025-2025学年度工作计划\n一、主要工作\n1. 2月17日开学。\n"
    assert [a[2] for a in acts(slip)] == ["2025-02-17"]
    term = "114 學年度下學期 五年三班班級經營計畫與重要行事|溫若嵐\n一、重要行事\n3/9 家長日。\n"
    assert [a[2] for a in acts(term)] == ["2026-03-09"]  # (a space after the Republic's year: rw211)


def test_a_table_set_one_cell_to_a_line_with_its_dates_last_is_read_row_by_row():
    """"项目主题 |" … "活动时间 |" and then each row's cells, its date last ("9月30日 |"), one to a line
    (corpus rw427): each row is one activity dated by its own time cell, not by the row above's;
    the row's date that fills its cell wins over a festival in the item's name ("国庆升旗礼")."""
    cells = ["项目主题 |", "具体内容 |", "活动时间 |", "开学第一课 |", "学习校规校纪 |", "9月 |", "国庆升旗礼 |", "唱响国歌 |", "9月30日 |",
             "科技节 |", "科普讲座 小实验展示 |", "11月 |"]
    doc = planparse.parse("\n".join(["2024年秋季学期德育工作计划", "一、主要活动", *cells, "二、工作要求", "各班要认真组织，确保活动安全。"]))
    got = [(a.when.text, a.line, a.when.start.isoformat()) for a in doc.plans[0].activities]
    assert got == [("9月", 8, "2024-09-01"), ("9月30日", 11, "2024-09-30"), ("11月", 14, "2024-11-01")]
    assert doc.plans[0].activities[1].text == "国庆升旗礼 | 唱响国歌"


def test_month_headers_over_their_items_are_no_table_rows():
    """"九月份" over its two items, then "十月份" over two more: the month heads what follows it, as
    before; nothing is joined into rows."""
    lines = ["2024年秋季学期少先队工作计划", "一、活动安排", "九月份", "开学典礼", "教师节表彰", "十月份", "国庆文艺汇演", "秋季运动会",
             "十一月份", "期中考试", "家长会"]
    doc = planparse.parse("\n".join(lines))
    acts = doc.plans[0].activities
    assert not any("|" in a.text for a in acts)
    assert {(a.text, a.when.text) for a in acts} >= {("开学典礼", "九月份"), ("秋季运动会", "十月份")}


def test_a_numbered_table_set_one_cell_to_a_line_is_read_row_by_row():
    """"序号 / 活动项目 / 时间 / 牵头部门" and then each row from its number, one cell to a line, a cell
    wrapped over two lines (corpus rw455): every row is one activity dated by its time cell, and the
    row numbers are the table's, not a page's numbers."""
    cells = ["序号", "活动项目", "时间", "牵头部门", "1", "安全承诺签名暨启动仪式", "6月3日", "安全环保部", "2", "重大事故隐患专项排查整治",
             "6月3日—14日", "生产技术部", "3", "液氨泄漏综合应急演练", "6月中旬", "生产技术部、", "专职消防队", "4", "事故警示教育周",
             "6月17日—23日", "安全环保部"]
    doc = planparse.parse("\n".join(["2024年“安全生产月”活动方案", "一、活动安排", *cells, "二、活动要求", "各单位要高度重视，加强领导。"]))
    got = [(a.when.text, a.line) for a in doc.plans[0].activities]
    assert got == [("6月3日", 9), ("6月3日—14日", 13), ("6月中旬", 17), ("6月17日—23日", 22)]
    assert not {5, 9, 13, 18} & {e.line for e in doc.boilerplate}


def test_a_numbered_table_without_a_header_keeps_its_row_numbers():
    """Rows "1", "召开安全生产工作会议", "3月", "安全科", … with no header above them (corpus rw455's
    kind of table, its header lost): the numbers between cells are the rows', not a page's numbers."""
    cells = ["1", "召开年度安全生产工作会议", "3月上旬", "安全管理科", "2", "开展全员消防应急疏散演练", "6月中旬", "保卫管理科", "3",
             "组织特种作业人员复训取证", "9月下旬", "人力资源部"]
    doc = planparse.parse("\n".join(["2024年安全生产工作计划", "一、重点工作安排", "根据集团部署，今年重点抓好以下工作。", *cells,
                                      "二、工作要求", "各部门要按时完成。"]))
    assert not {4, 8, 12} & {e.line for e in doc.boilerplate}
    assert [a.when.text for a in doc.plans[0].activities] == ["3月上旬", "6月中旬", "9月下旬"]


def test_a_figures_baseline_is_no_activity():
    """"较年初净增2.1亿元" (corpus rw501): the start of the year is the figure's baseline, not a date
    of the plan's work."""
    doc = planparse.parse("2024年支行工作计划\n一、工作目标\n各项存款余额达到18.6亿元，较年初净增2.1亿元。\n二、主要工作\n"
                          "3月开展存款营销旺季活动。", year=2024)
    assert [a.when.text for a in doc.plans[0].activities] == ["3月"]


@pytest.mark.parametrize("opening, year", [
    ("这份计划从2025年6月开始执行到年底，分四部分来说。", 2025),      # corpus rw525: the plan starts then
    ("本办法自2025年1月1日起施行。", 2025),
    ("我校工会从2012年起坚持每年举办教职工运动会。", None),          # background: a custom since 2012
    ("到2022年，全州居民健康素养水平提高到22%。", None),              # corpus rw1869: a goal's year, not the plan's
    ("轉眼來到2025年，我們的計畫如下。", 2025),                      # corpus rw872: the year the text has come to
])
def test_a_year_the_plan_starts_from_is_its_own_but_not_a_custom_since_then(opening, year):
    (plan,) = planparse.parse("\n".join([opening, "一、主要安排", "1. 6月：打基础。", "2. 9月下旬参加考试。"])).plans
    assert plan.year == year


def test_closing_words_and_a_committees_sign_off_under_the_last_months_header_are_no_activities():
    """"十二月份：……" then "以上安排如有变动，另行通知。" and "公司妇委会" over the date (corpus rw521): the
    closing words and the sign-off are the plan's, not December's items."""
    text = "\n".join(["女职工工作计划", "一月份：组织女职工参加迎新春文艺汇演。", "十二月份：召开妇委会全体会议，总结全年工作。",
                      "以上安排如有变动，另行通知。", "公司妇委会", "2024年1月8日"])
    (plan,) = planparse.parse(text, year=2024).plans
    assert [a.text for a in plan.activities] == ["组织女职工参加迎新春文艺汇演", "召开妇委会全体会议，总结全年工作"]
    assert plan.last == 6 and str(plan.issued) == "2024-01-08"


def test_a_stages_dates_date_its_items_that_name_none_of_their_own():
    """"第一阶段：学习动员阶段（2024年3月1日--3月20日）" over "1、……", "2、……" (corpus rw545): each item
    is one activity dated by its stage, the stage's heading none; an item with a date of its own
    ("7月组织党员……") keeps it, and 年内 is no such date."""
    text = "\n".join(["内科党支部2024年创建“四强”党支部工作计划", "第一阶段：学习动员阶段（2024年3月1日--3月20日）",
                     "1、学习动员，统一思想。支部召开创建动员会，组织党员学习创建标准。", "2、对标查摆，找准短板。年内完成整改台账。",
                     "第二阶段：创建实施阶段（2024年3月21日---10月31日）", "1、加强党员教育管理。7月组织党员赴纪念馆开展党性教育。"])
    got = [(a.line, a.when.start.isoformat(), a.when.end.isoformat(), a.text) for a in planparse.parse(text).plans[0].activities]
    assert got == [(2, "2024-03-01", "2024-03-20", "学习动员，统一思想。支部召开创建动员会，组织党员学习创建标准"),
                   (2, "2024-03-01", "2024-03-20", "对标查摆，找准短板。年内完成整改台账"),
                   (6, "2024-07-01", "2024-07-31", "7月组织党员赴纪念馆开展党性教育")]


def test_a_pdfs_letter_spaced_lines_are_dated_as_written():
    """"1 月 底 前 ,街 道 与 各 社 区 ……" (corpus rw677, text copied out of a PDF with a space between
    every character): the dates are read without the spacing and keep it as written."""
    text = "\n".join(["青石街道2021年安全生产工作计划", "一、重点工作",
                      "(一)压实安全责任。 1 月 底 前 ,街 道 与 各 社 区 签 订 年 度 安 全 生 产 目 标 责 任 书 。",
                      "(二)加强宣传教育。 上 半 年 完 成 企 业 主 要 负 责 人 轮 训 一 次 。"])
    got = [(a.when.text, str(a.when.start), str(a.when.end)) for a in planparse.parse(text).plans[0].activities]
    assert got == [("1 月 底", "2021-01-21", "2021-01-31"), ("上 半 年", "2021-01-01", "2021-06-30")]


def test_a_tables_rows_under_its_column_names_are_its_activities_whatever_column_dates_them():
    """A schedule set one cell to a line (corpus rw695): "周次", "日期", "活动内容", "负责人", "地点",
    then five cells a row, the dates in the second column. Each row is one activity dated by its
    date cell, not one per cell."""
    text = "\n".join(["数学教研组2024学年第一学期工作计划", "一、教研活动安排", "周次", "日期", "活动内容", "负责人", "地点",
                      "第1周", "9.2—9.6", "讨论制定教研组及各备课组工作计划", "王敏", "数学组办公室",
                      "第3周", "9.16—9.20", "新教材培训：六年级有理数单元整体教学设计", "李晓东", "三楼会议室",
                      "二、有关要求", "各备课组长及时做好活动记录。"])
    got = [(a.text, str(a.when.start), str(a.when.end)) for a in planparse.parse(text).plans[0].activities]
    assert got == [("第1周 | 讨论制定教研组及各备课组工作计划 | 王敏 | 数学组办公室", "2024-09-02", "2024-09-06"),
                   ("第3周 | 新教材培训：六年级有理数单元整体教学设计 | 李晓东 | 三楼会议室", "2024-09-16", "2024-09-20")]


def test_a_day_in_brackets_after_a_festival_dates_its_item():
    """"母親節前夕（5 月 11 日）舉辦……" (corpus rw703): the day the brackets give is the item's date,
    the festival its name."""
    text = "\n".join(["2024年社区工作计划", "一、活动安排", "（四）母親節前夕（5 月 11 日）舉辦「感恩母親」親子活動。",
                      "（五）国庆节（10月1日）举行升旗仪式。"])
    got = [(a.when.text, str(a.when.start)) for a in planparse.parse(text).plans[0].activities]
    assert got == [("5 月 11 日", "2024-05-11"), ("10月1日", "2024-10-01")]


def test_a_weeks_meeting_table_under_its_day_and_half_day_columns_joins_its_rows():
    """"日期", "星期", "上午", "下午" (corpus rw715, a college's week of meetings set one cell to a
    line): four columns, so each day's row is one activity, not its date cell alone."""
    text = "\n".join(["学院一周会议安排", "日期", "星期", "上午", "下午", "10月28日", "星期一", "党政联席会", "教学检查布置会",
                      "10月29日", "星期二", "学术委员会", "新生班级建设推进会"])
    got = [(a.when.text, a.text) for a in planparse.parse(text, year=2024).plans[0].activities]
    assert got == [("10月28日", "星期一 | 党政联席会 | 教学检查布置会"), ("10月29日", "星期二 | 学术委员会 | 新生班级建设推进会")]


def test_a_xun_without_its_month_under_a_months_label_is_that_months_xun():
    """"十一月：举办答疑夜；下旬召开推优大会。" (corpus rw749): the 下旬 is November's, and "月底前"
    under "12月：" is December's last ten days, not the whole month."""
    text = "\n".join(["团支部2024年第一学期工作计划", "一、学期活动安排", "十一月：举办“互助答疑夜”；下旬召开推优大会。",
                      "12月：开展团员教育评议；月底前完成团籍材料整理。"])
    got = [(a.when.text, str(a.when.start), str(a.when.end), a.when.precision)
           for a in planparse.parse(text).plans[0].activities]
    assert got == [("十一月", "2024-11-01", "2024-11-30", "month"), ("下旬", "2024-11-21", "2024-11-30", "xun"),
                   ("12月", "2024-12-01", "2024-12-31", "month"), ("月底", "2024-12-21", "2024-12-31", "xun")]


def test_a_dated_headings_section_dates_nothing_past_the_section_it_is_in():
    """"8月中旬：" heads a section of its own under "（一）时间安排" (corpus rw761); "（二）每天的规矩"
    after it is the plan's next part, and its daily rules are no activities of mid-August."""
    text = "\n".join(["2024年暑假安排", "一、具体安排", "（一）时间安排", "7月下旬：送回外婆家住一个星期。",
                      "8月中旬：报了少年宫的科学夏令营，一共五天。", "（二）每天的规矩",
                      "1、每天早上7点半起床，上午9点到11点是固定的学习时间。", "2、每周读完一本课外书。", "二、几点担心",
                      "外婆那一周没人辅导数学。"])
    got = [(a.when.text, a.what) for a in planparse.parse(text).plans[0].activities]
    assert [w for w, _ in got] == ["7月下旬", "8月中旬"]


def test_a_content_columns_cells_may_be_clauses():
    """"周次 / 日期 / 工作内容 / 负责人" over rows whose content cell is a clause or two (corpus
    rw767): each row is one activity, its content cell not a line of prose apart."""
    text = "\n".join(["幼儿园2024年10月工作计划", "二、本月具体安排", "周次", "日期", "工作内容", "负责人",
                      "第六周", "10月8日", "节后返园，各班开展“我的国庆假期”谈话活动，稳定幼儿情绪", "各班班主任",
                      "第八周", "10月23日", "秋季消防疏散演练及安全知识教育", "后勤主任"])
    got = [(a.when.text, a.text) for a in planparse.parse(text).plans[0].activities]
    assert got == [("10月8日", "第六周 | 节后返园，各班开展“我的国庆假期”谈话活动，稳定幼儿情绪 | 各班班主任"),
                   ("10月23日", "第八周 | 秋季消防疏散演练及安全知识教育 | 后勤主任")]


def test_a_weekly_plans_time_field_dates_its_weekday_rows():
    """A kindergarten's week plan (corpus rw789): its time field "活动时间 | 2025年12月15日—12月19日"
    comes a few lines under the title, and "周一", "周三" in the rows below are that week's days (the
    "周天" of "一周天气" is none)."""
    text = "\n".join(["大3班第十六周活动计划表", "2025~2026第一学期", "主题名称 《冬天里的秘密》 | 班级教师 | 陆思妍 |",
                      "活动时间 | 2025年12月15日—12月19日 |", "星期 | 集体活动 | 区域游戏 |",
                      "可用资源 | 班级增设“一周天气播报”记录栏 |",
                      "周一 | 科学：冰从哪里来 | 科学区：冰块融化比赛 |", "周三 | 健康：冬天我不怕冷 | 生活区：学叠棉袄 |"])
    got = [(a.when.text, str(a.when.start)) for a in planparse.parse(text).plans[0].activities if a.when.precision == "day"]
    assert got == [("周一", "2025-12-15"), ("周三", "2025-12-17")]


def test_a_diarys_day_before_the_title_gives_the_plans_year():
    """"20200105【计划】……" (corpus rw777, a nurse's new-year post): the day a diary names its post
    by is the plan's year, so "5月12日" is 2020's."""
    text = "\n".join(["20200105【计划】自律生活的养成之路", "一、工作", "5月12日护士节前完成护理个案报告。"])
    assert [(a.when.text, str(a.when.start)) for a in planparse.parse(text).plans[0].activities] == [
        ("5月12日", "2020-05-12")]


def test_a_terms_end_after_a_finer_date_in_its_month_describes_it_whether_or_not_the_year_is_known():
    """"6月中旬完成……评估，并在期末向家长发放……" in a spring term's plan (corpus rw889): 期末 is June's,
    around 6月中旬, so it starts no second activity, with --year or without."""
    text = "中班下学期工作计划\n二、工作安排\n6月中旬完成本学期幼儿发展评估，并在期末向家长发放《幼儿成长手册》。\n"
    for year in (None, 2024):
        assert [a.when.text for a in planparse.parse(text, year=year).plans[0].activities] == ["6月中旬"]


def test_a_plan_dates_its_months_by_the_period_it_states_under_a_heading():
    """"肆、實施期間" then "113學年度（113年8月1日起至114年7月31日止）" (corpus rw1144), the title naming no
    year: the months of its calendar fall in the school year the period states."""
    text = "\n".join(["松湖國民小學學生輔導工作實施計畫", "壹、計畫目標", "一、建立三級輔導網絡。",
                      "二、提升教師輔導知能。", "三、強化親職教育。", "四、結合社區資源。", "貳、實施期間",
                      "113學年度（113年8月1日起至114年7月31日止）。", "參、工作行事曆", "9月：辦理新生適應團體。",
                      "3月：辦理生命教育週。"])
    plan = planparse.parse(text).plans[0]
    assert plan.year == 2024
    assert [str(a.when.start) for a in plan.activities if a.when.text in ("9月", "3月")] == ["2024-09-01", "2025-03-01"]


@pytest.mark.parametrize("title, year", [
    ("北縣溪洲國民小學96學年度上學期三年忠班班級經營計畫", 2007),  # corpus rw402: the Republic's school year
    ("光華高中98學年度「晨讀十分鐘」實施計畫", 2009),  # corpus rw778
    ("明德中学24学年第一学期工作计划", 2024),  # two digits under fifty: this century's
])
def test_a_two_digit_school_year_in_a_title_is_the_republics_and_so_are_its_two_digit_dates(title, year):
    """"96學年度" titles a Taiwan school's plan (four digits or a span elsewhere): 2007's school year, and
    "96年9月19日" in it is a date of 2007, as the Republic's years are written, not of 1996."""
    yy = year - 1911 if year < 2011 else year - 2000
    text = "\n".join([title, "一、實施時間", f"{yy}年9月19日辦理親師座談會。", "二、活動內容", "10月辦理校外教學。"])
    plan = planparse.parse(text).plans[0]
    assert plan.year == year
    assert str(plan.activities[0].when.start) == f"{year}-09-19"


def test_a_title_that_reports_one_year_and_plans_the_next_takes_the_year_it_plans():
    """"2018年工作情况和2019年工作要点" (corpus rw1406, a county's youth-care committee): the report is the year
    past, the plan is 2019's, and so are its months."""
    text = "\n".join(["2018年工作情况和2019年工作要点", "一、2019年工作要点", "3月开展学雷锋志愿服务活动。"])
    plan = planparse.parse(text).plans[0]
    assert plan.year == 2019
    assert str(plan.activities[0].when.start) == "2019-03-01"


def test_a_school_year_glossed_in_pinyin_gives_the_plan_its_year():
    """"2019—2020學(xué)年第一學(xué)期……工作計劃" under a compilation's separator (corpus rw1449): a
    converter's pinyin inside the school year hides no year, and the autumn's months keep it."""
    text = "\n".join(["大學(xué)團(tuán)支部工作篇2", "2019—2020學(xué)年第一學(xué)期機械1802團(tuán)支部工作計劃",
                      "新學(xué)期開(kāi)始，為進(jìn)一步增強支部凝聚力，制定本學(xué)期工作計劃。",
                      "九月份：", "1、召開(kāi)新學(xué)期第一次支部大會(huì)，調整支委分工。",
                      "十月份：", "1、10月中旬組織團(tuán)員參加學(xué)院團(tuán)校第一期培訓。"])
    (plan,) = planparse.parse(text).plans
    assert plan.year == 2019
    assert [a.when.start.year for a in plan.activities if a.when.start] == [2019, 2019]


def test_a_school_year_whose_years_a_run_of_dashes_parts_gives_the_plan_its_year():
    """"2023---2024学年第一学期……教学进度表" (corpus rw1664): three dashes between its years still name the school
    year, and the table's dates of the autumn term fall in its first year."""
    text = "\n".join(["2024---2025学年第一学期四年级语文教学进度表", "周次 | 日期 | 教学内容 |",
                      "1 | 9.2--9.6 | 开学教育 第一单元 |", "2 | 9.9—-9.13 | 第二单元 |", "3 | 10.8---10.12 | 第三单元 |"])
    (plan,) = planparse.parse(text).plans
    assert plan.year == 2024
    assert [a.when.start.year for a in plan.activities if a.when.start] == [2024, 2024, 2024]


def test_a_covers_date_under_the_title_gives_a_plan_without_a_year_its_year():
    """A society's proposal whose cover sets its organisation and "二〇二三年三月六日" under the title,
    the text naming no year (corpus rw910): the cover's day is the day the plan bears, and its
    dates fall in that year."""
    text = "\n".join(["公益互助社招新活动策划书", "环境与化工学院", "青年志愿者协会", "二〇二三年三月六日",
                      "一、活动背景", "为壮大志愿者队伍，协会面向大一、大二学生招收新成员。",
                      "二、活动主题", "汇聚点滴爱心，携手温暖你我。", "三、活动对象", "全院大一、大二学生",
                      "四、活动安排", "1．3月15日在二食堂门前设报名点。", "2．3月20日在学生活动中心组织面试。",
                      "五、经费预算", "宣传海报、报名表印制费用约200元。"])
    (plan,) = planparse.parse(text).plans
    assert (plan.year, str(plan.issued)) == (2023, "2023-03-06")
    assert {"2023-03-15", "2023-03-20"} <= {str(a.when.start) for a in plan.activities}


def test_a_school_year_in_brackets_after_the_plans_name_gives_its_year():
    """"中國語文科工作計劃(07-08)" (corpus rw1504), "……計劃（2024-25）": the school year a Hong Kong
    school's plan is for, its spring months in the second year."""
    text = "\n".join(["中國語文科工作計劃(07-08)", "(一)本學年的目標", "提升學生閱讀興趣。", "(二)工作安排",
                      "9月：舉行中一級閱讀講座。", "3月：舉辦全校朗誦比賽。"])
    (plan,) = planparse.parse(text).plans
    assert plan.year == 2007
    assert [str(a.when.start) for a in plan.activities] == ["2007-09-01", "2008-03-01"]
    assert planparse.parse("中文科工作計劃（2024-25）\n一、工作安排\n10月：家長日。").plans[0].year == 2024


def test_a_years_label_in_a_plan_of_years_dates_what_follows_it_in_its_line():
    """"2011年：……上半年……。2012年：……春季……。2013年：……" in one paragraph of a village's three-year plan
    (corpus rw1553): each label's year for the dates after it, to the next label."""
    text = "\n".join(["上洋村村庄建设三年规划", "一、年度安排",
                      "2011年：重点抓好基础设施建设。上半年完成村部维修；年底前完成道路硬化。2012年：重点抓好产业发展。"
                      "春季新种青梅300亩；6月底前完成石门道路硬化。2013年：重点抓好环境整治。3月至5月开展环境整治。"])
    (plan,) = planparse.parse(text).plans
    assert plan.year == 2011
    assert [str(a.when.start) for a in plan.activities] == ["2011-01-01", "2011-12-01", "2012-03-01", "2012-06-21",
                                                           "2013-03-01"]


def test_the_festival_a_plan_is_titled_by_is_its_theme_not_a_date_unless_a_day_is_said():
    """A Dragon Boat plan's "品粽子话端午" and "端午知识有奖问答" name its theme (corpus rw1573); "端午节前一天",
    "端午节当天上午" and "中秋、国庆期间" date what they say."""
    text = "\n".join(["社区老年活动中心端午节活动方案", "一、活动内容", "1.端午知识有奖问答：由主持人讲述各地端午习俗。",
                      "2.品粽子话端午活动：大家围坐一起品尝粽子。", "3.端午节前一天上午组织包粽子比赛。",
                      "4.端午节当天下午走访慰问独居老人。"])
    (plan,) = planparse.parse(text, year=2024).plans
    assert [a.when.text for a in plan.activities] == ["端午节前", "端午节"]


def test_a_weeks_header_over_its_days_dates_its_items_and_their_weekdays():
    """A kindergarten's calendar, "第一周" over "(9月1日—5日)" and items that name their weekday ("(星期三下午)",
    corpus rw1729): each weekday is that week's day, an item with none takes the week's days from the line that
    gives them; a January week of an autumn term is next year's."""
    text = ("金果幼儿园2008年秋季行事历\n第一周\n(9月1日—5日)\n1.举行新学期第一次升旗仪式。(星期一)\n"
            "2.教研活动:新学期集体备课研讨。(星期三下午)\n3.全面排查园内不安全因素。\n"
            "第十九周\n(1月5日—9日)\n1.幼儿期末发展评估。\n2.班级新年联欢会。(星期五)\n")
    got = [(line, when, start, precision) for line, when, start, precision, _ in acts(text)]
    assert got == [(4, "星期一", "2008-09-01", "day"), (5, "星期三", "2008-09-03", "day"),
                   (3, "9月1日—5日", "2008-09-01", "week"), (8, "1月5日—9日", "2009-01-05", "week"),
                   (10, "星期五", "2009-01-09", "day")]


def test_a_bare_weekday_outside_a_dated_week_still_dates_nothing():
    text = "社区2024年工作计划\n一、主要工作\n1.每月召开一次居民议事会。(星期三下午)\n2.5月举办邻里节。\n"
    assert [w for _, w, *_ in acts(text)] == ["5月"]


def test_an_item_numbered_in_brackets_that_closes_with_a_bracketed_note_is_dated():
    """"(二)5月集中开展……宣传月活动,……。(责任单位:市司法局)" (corpus rw1639): an item, not a note on the document."""
    text = ("2024年普法工作要点\n一、深化法治宣传教育\n(一)深入宣传宪法,以12月4日国家宪法日为契机开展宣传。\n"
            "(二)5月集中开展民法典主题宣传月活动,推动民法典进社区。(责任单位:市司法局、市妇联)\n"
            "（2024年1月26日市法治宣传教育联席会议通过）\n")
    assert [(line, w) for line, w, *_ in acts(text)] == [(3, "12月4日"), (4, "5月")]


def test_a_section_that_repeats_its_field_block_dates_each_block_by_its_own_time():
    """"春季活动：" over "- 主题：……", "- 时间：4月上旬", "- ……", then "- 主题：……", "- 时间：4月中旬", …
    (corpus rw1777): one activity for each block's time field, not only for the first."""
    text = ("清河社区2025年文体活动方案\n一、活动安排\n春季活动：\n- 主题：踏青健步走\n- 时间：4月上旬\n"
            "- 沿滨河绿道开展健步走，沿途设置趣味关卡。\n- 主题：书画作品展\n- 时间：4月中旬\n- 征集辖区书画爱好者的作品集中展出。\n"
            "夏季活动：\n- 主题：纳凉晚会\n- 时间：7月中旬\n- 在社区广场举办露天文艺晚会。\n")
    assert [(line, w) for line, w, *_ in acts(text)] == [(5, "4月上旬"), (8, "4月中旬"), (12, "7月中旬")]


@pytest.mark.parametrize("line, when, start", [
    ("2025年7月1日(星期二)暑假开始,8月31日(星期日)暑假结束。", "8月31日(星期日)", "2025-08-31"),
    ("2025年3月1日起开展自查,4月中旬完成整改。", "4月中旬", "2025-04-11"),
    ("2025/11/22参加年度体检,和年初的数据对比一下。", "年初", "2024-01-01"),  # a period, not a later day
    ("2025年9月5日前报送材料,3月底前完成验收。", "3月底", "2024-03-21"),  # an earlier month: not carried on
])
def test_a_later_day_in_a_sentence_takes_the_year_of_the_day_before_it(line, when, start):
    """"2025年7月1日暑假开始，8月31日暑假结束" in a kindergarten's 2024—2025 school-year calendar (corpus rw1898): the
    summer's end is the year the sentence gives (2025), not the plan's; a period of the year ("年初") is not a
    later day, nor a month before the day's, and they keep the plan's year."""
    text = "\n".join(["溪州市2024年幼儿园工作安排", "一、上半年", "2024年3月1日开学。", "二、其他", line])
    got = {a.when.text: a.when.start.isoformat() for p in planparse.parse(text).plans for a in p.activities
           if a.line == 5 and a.when.start}
    assert got[when] == start


@pytest.mark.parametrize("second, year, term, january", [
    ("2025-2026上学期", 2025, 1, "2026-01-05"),  # a school year's span and its term, no 学年 (corpus rw1921)
    ("2025-2026第一学期", 2025, 1, "2026-01-05"),
    ("2025-2026学年上学期", 2025, 1, "2026-01-05"),  # 上学期 after 学年 is the first term
    ("本学期各科平均分比上学期提高3分", None, None, None),  # the term before, in prose: no year, no term
])
def test_a_school_years_span_with_its_term_under_the_title_dates_the_plan(second, year, term, january):
    """"北原市松岭镇中学学校工作计划" over "2025-2026上学期" (corpus rw1921, a rural school's plan on a city's
    disclosure portal): the plan's year is the span's first, its term the first, and its calendar's January
    rolls into the span's second year."""
    text = "\n".join(["北原市松岭镇中学学校工作计划", second, "一、指导思想", "坚持立德树人。", "二、学期行事历",
                      "第1周  9.1-9.5  开学典礼", "第19周  1.5-1.9  期末考试"])
    (plan,) = planparse.parse(text).plans
    assert (plan.year, plan.term) == (year, term)
    assert [str(a.when.start) if a.when.start else None for a in plan.activities][-1] == january


def test_a_year_written_before_a_titles_book_marks_is_the_plans():
    """"最适合孩子的2024《寒假作息时间表》,建议家长收藏!" (corpus rw1927, a parenting blog's post): the year before
    the season the book-title marks open is the plan's year."""
    text = "\n".join(["最适合孩子的2024《寒假作息时间表》,建议家长收藏!", "假期开始前，和孩子一起把每天的时间安排好。",
                      "一、阶段安排", "第一阶段(1月20日-2月2日):集中完成作业。"])
    (plan,) = planparse.parse(text).plans
    assert plan.year == 2024 and [str(a.when.start) for a in plan.activities] == ["2024-01-20"]
