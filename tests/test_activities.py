"""Dated activities of plans: headers, rolling school years, coordination, who, recurrences."""

from __future__ import annotations

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


def test_spring_term_of_a_school_year_is_its_second_year():
    text = "2023-2024学年第二学期教研计划\n三、具体安排\n三月份：\n1、制定计划。\n"
    assert acts(text)[0][2] == "2024-03-01"


def test_no_year_means_null_dates_not_a_guess():
    assert acts("一、安排\n1、5月中旬举办运动会。\n") == [(2, "5月中旬", None, "xun", "举办运动会")]


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
