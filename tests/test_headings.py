"""detect_heading against the case table tests/cases/headings.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from planparse.headings import detect_heading

ROWS = yaml.safe_load((Path(__file__).parent / "cases" / "headings.yaml").read_text("utf-8"))


def _params():
    for row in ROWS:
        marks = [pytest.mark.xfail(strict=True, reason=row["comment"])] if row.get("status") == "fail" else []
        yield pytest.param(row, id=row["label"], marks=marks)


@pytest.mark.parametrize("row", list(_params()))
def test_heading(row):
    h = detect_heading(row["text"])
    got = None if h is None else {"number": h.number, "title": h.title, "style": h.style, "body": h.body}
    want = row["expect"]
    if want is not None:
        want = {k: (str(v) if v is not None else None) for k, v in want.items()}
    assert got == want


def test_the_table_has_negative_rows_and_known_misses():
    assert sum(r["expect"] is None for r in ROWS) >= 8
    assert any(r.get("status") == "fail" for r in ROWS)
    assert len({r["label"] for r in ROWS}) == len(ROWS)


SEPARATORS = yaml.safe_load((Path(__file__).parent / "cases" / "separators.yaml").read_text("utf-8"))
FIRST = ["2024年幸福社区工作计划", "一、指导思想", "以人民为中心，全面推进社区治理现代化。",
         "二、主要工作", "1、3月开展邻里节活动，丰富居民文化生活。", "2、5月加强社区消防安全检查。"]
SECOND = ["一、指导思想", "坚持以服务居民为中心，推动志愿服务常态化。", "二、工作措施", "1、9月举办重阳敬老宴。"]


@pytest.mark.parametrize("row", [
    pytest.param(r, id=r["label"], marks=[pytest.mark.xfail(strict=True, reason=r["comment"])]
                 if r.get("status") == "fail" else []) for r in SEPARATORS])
def test_separator_between_two_plans(row):
    import planparse

    lines = FIRST[:5] + [row["text"]] + FIRST[5:] if row.get("at") == "inside" else FIRST + [row["text"]] + SECOND
    doc = planparse.parse("\n".join(lines), year=2024)
    assert len(doc.plans) == row["plans"]
    if row["separator"]:
        assert doc.plans[1].title == row["text"] and doc.plans[1].first == len(FIRST) + 1
    else:
        assert all(row["text"] != p.title for p in doc.plans)


@pytest.mark.parametrize("classifier", ["model", "lexicon"])
def test_a_compilations_own_title_and_lead_in_are_the_pages(classifier):
    from planparse import parse
    from planparse.model import ParseOptions

    plan = ["一、指导思想", "坚持以服务居民为中心。", "二、主要工作", "1、9月举办重阳敬老宴。"]
    lines = ["社区工作计划", "社区工作计划是社区一年工作的蓝图，下面是三篇社区工作计划，供参考。"]
    for n in (1, 2, 3):
        lines += [f"社区工作计划 篇{n}"] + plan
    doc = parse("\n".join(lines), options=ParseOptions(year=2024, classifier=classifier))
    assert [p.title for p in doc.plans] == ["社区工作计划 篇1", "社区工作计划 篇2", "社区工作计划 篇3"]
    assert {1, 2} <= {e.line for e in doc.boilerplate}


def test_a_notices_attachment_line_names_the_plan_printed_below_it():
    from planparse import parse

    lines = ["青山区人民政府办公室关于印发青山区2024年民生实事项目工作计划的通知", "各街道办事处，区政府各部门：",
             "《青山区2024年民生实事项目工作计划》已经区政府同意，现印发给你们，请认真贯彻落实。",
             "附件：青山区2024年民生实事项目工作计划", "青山区人民政府办公室", "2024年3月1日", "附件",
             "青山区2024年民生实事项目工作计划", "一、指导思想", "坚持以人民为中心。", "二、主要工作",
             "1、5月完成老旧小区改造项目开工。"]
    doc = parse("\n".join(lines), year=2024)
    assert [(p.title, p.first) for p in doc.plans] == [("青山区2024年民生实事项目工作计划", 8)]
    assert [(n.first, n.last) for n in doc.notices] == [(1, 7)]  # the notice runs to its date and the 附件 label
    # under it, as the corpus has it (rw27, rw560)


def test_a_pages_noted_copy_of_the_title_is_the_pages():
    from planparse import parse

    lines = ["教师之友网", "查看: 1873|回复: 6", "八年级（3）班2024—2025学年第二学期班主任工作计划（附周安排表）",
             "八年级（3）班2024—2025学年第二学期班主任工作计划", "一、指导思想",
             "以养成教育为主线，培养学生自我管理的能力。", "二、主要工作", "1、3月5日组织学雷锋志愿服务。"]
    doc = parse("\n".join(lines))
    assert [(p.title, p.first) for p in doc.plans] == [(lines[3], 4)]
    assert 3 in {e.line for e in doc.boilerplate}


def test_a_template_sites_word_after_the_only_title_leaves_it_the_title():
    """"……团委工作计划范文" over the byline and the plan (corpus rw15): the plan's title, the site's
    word and all; over the plan's own title it is the page's copy."""
    from planparse import parse

    chrome = ["当前位置：首页 > 范文大全 > 工作计划 > 团委工作计划", "发布时间：2019-02-20 来源：第一范文网 阅读："]
    plan = ["一、加强思想引领", "本学期团委继续以立德树人为根本任务，把团员青年团结在党的周围。", "二、主要活动",
            "1、5月4日举行新团员入团仪式。"]
    title = "2019年青溪中学春季学期团委工作计划"
    doc = parse("\n".join([chrome[0], title + "范文", chrome[1]] + plan))
    assert [(p.title, p.first) for p in doc.plans] == [(title + "范文", 2)]
    doc = parse("\n".join([chrome[0], title + "范文", chrome[1], title] + plan))
    assert [(p.title, p.first) for p in doc.plans] == [(title, 4)]


def test_a_notice_title_broken_inside_its_book_title_marks_is_one_line():
    """"关于印发《共青团青陵区委2024年" / "工作计划》的通知" (corpus rw143): one notice title, the
    notice before the plan, no untitled plan of its own."""
    from planparse import parse

    lines = ["关于印发《共青团青陵区委2024年", "工作计划》的通知", "各街道团工委，区直各单位团组织：",
             "《共青团青陵区委2024年工作计划》已经全委会议审议通过，现印发给你们，请认真贯彻落实。",
             "共青团青陵区委", "2024年3月5日", "共青团青陵区委2024年工作计划", "一、指导思想",
             "坚持以习近平新时代中国特色社会主义思想为指导。", "二、重点工作", "1、4月12日举办基层团干部培训班。"]
    doc = parse("\n".join(lines))
    assert [(p.title, p.first) for p in doc.plans] == [(lines[6], 7)]
    assert [(n.first, n.last) for n in doc.notices] == [(1, 6)]


def test_a_notice_whose_title_stands_in_the_pages_metadata_is_still_a_notice():
    """A disclosure page names the notice only in its metadata table (名称：……的通知, corpus
    rw197): its addressee, its "现印发给你们" and its sign-off are a notice, not an untitled plan."""
    from planparse import parse

    lines = ["名 称: | 清浦区人民政府办公室关于印发《清浦区2025年全民健身工作计划》的通知 | ||",
             "各镇人民政府、街道办事处，区政府各委、办、局：",
             "区体育局拟定的《清浦区2025年全民健身工作计划》已经区政府同意，现印发给你们，请结合实际认真贯彻落实。",
             "清浦区人民政府办公室", "2025年3月6日", "清浦区2025年全民健身工作计划",
             "为深入实施全民健身国家战略，制定本计划。", "一、工作目标", "全区经常参加体育锻炼的人数比例达到46%以上。",
             "二、主要任务", "1．第二季度启动体育公园二期建设。"]
    doc = parse("\n".join(lines))
    assert [(p.title, p.first) for p in doc.plans] == [(lines[5], 6)]
    assert [(n.title, n.last) for n in doc.notices] == [(None, 5)]


def test_the_plans_name_over_the_cover_notice_that_sends_it_is_the_pages_title():
    """A government page shows the plan's name as its article title, then the cover notice that
    sends the plan out (addressee, "现将《……》印发给你们", sign-off), then the plan under its
    own title (corpus rw263): the first copy is the page's title, the second the plan's."""
    from planparse import parse

    lines = ["青溪区2024年全民健身工作计划", "来源：青溪区人民政府 发布时间：2024-03-05 浏览量：37",
             "各镇人民政府、街道办事处，区政府各部门：", "现将《青溪区2024年全民健身工作计划》印发给你们，请认真贯彻实施。",
             "青溪区人民政府办公室", "2024年3月1日", "青溪区2024年全民健身工作计划",
             "为深入实施全民健身国家战略，结合我区实际，制定本计划。", "一、总体要求", "坚持以人民为中心。",
             "二、重点任务", "1．第二季度启动体育公园二期建设。"]
    doc = parse("\n".join(lines))
    assert [(p.title, p.first) for p in doc.plans] == [(lines[6], 7)]
    assert [n.last for n in doc.notices] == [6] and (1, lines[0]) in {(e.line, e.text) for e in doc.boilerplate}


def test_the_title_a_notice_names_is_the_plans_though_every_page_repeats_it():
    """A PDF's cover notice ("关于印发《……》的通知", its sending sentence broken across lines), then the
    plan's title, which every later page repeats as its running header (corpus rw311): the first
    copy is the plan's title, the others the pages'."""
    from planparse import parse

    title = "青湾物流公司2025年安全生产工作计划"
    lines = ["关于印发《青湾物流公司2025年安全生产工作计划》的通知", "各分公司、公司各部门：",
             "现将《青湾物流公司2025年安全生产工作计划》印", "发给你们，请结合实际认真贯彻落实。",
             "青湾物流公司", "2025年1月8日", "— 1 —", title,
             "为持续巩固安全生产形势，特制定本计划。", "一、工作目标", "全年杜绝较大及以上生产安全事故。",
             "— 2 —", title, "二、主要任务", "1．3月开展春季道路运输安全大检查。",
             "— 3 —", title, "2．6月组织安全生产月活动。", "— 4 —"]
    doc = parse("\n".join(lines))
    assert [(p.title, p.first) for p in doc.plans] == [(title, 8)]
    assert {13, 17} <= {e.line for e in doc.boilerplate}


def test_the_pages_copy_of_a_notices_title_trailing_a_tables_border_is_the_pages():
    """"……关于印发《……》的通知 |" as the article's title, its byline, then the notice under the same
    title (corpus rw325): the first copy is the page's, the notice starts at the second."""
    from planparse import parse

    notice = "勐柏乡人民政府关于印发《勐柏乡2024年工作计划》的通知"
    lines = ["当前位置：首页 > 政务公开 > 乡镇信息", notice + " |", "来源：勐柏乡人民政府 时间：2024-02-27 点击率：",
             notice, "各村（社区）、乡属各站所：", "《勐柏乡2024年工作计划》已经乡人民政府常务会议研究通过，现印发给你们，请认真贯彻执行。",
             "勐柏乡人民政府", "2024年2月26日", "勐柏乡2024年工作计划", "一、总体要求", "坚持稳中求进工作总基调。",
             "二、重点工作", "1．3月开展春季植树活动。"]
    doc = parse("\n".join(lines))
    assert [(n.first, n.last) for n in doc.notices] == [(4, 8)]
    assert [(p.title, p.first) for p in doc.plans] == [("勐柏乡2024年工作计划", 9)]
    assert 2 in {e.line for e in doc.boilerplate}


def test_a_pages_copy_of_a_notices_title_with_its_number_is_the_pages():
    """"湖政办字〔2024〕9号 关于印发……的通知" as the article's title, its byline, then the notice under
    its own title (corpus rw351): the first is the page's, the notice starts at the second."""
    from planparse import parse

    notice = "关于印发湖阳县2024年全民健身工作计划的通知"
    lines = ["首页 > 政府信息公开 > 法定主动公开内容", "湖政办字〔2024〕9号 " + notice, "来源:湖阳县人民政府办公室 发布时间:2024-03-05",
             "湖阳县人民政府办公室", notice, "各乡镇人民政府，县政府各部门：", "现将《湖阳县2024年全民健身工作计划》印发给你们，请认真贯彻执行。",
             "湖阳县人民政府办公室", "2024年3月4日", "湖阳县2024年全民健身工作计划", "一、工作目标", "全县经常参加体育锻炼人数比例达到40%。",
             "二、重点任务", "1．5月举办全民健身运动会。"]
    doc = parse("\n".join(lines))
    assert 2 in {e.line for e in doc.boilerplate}
    assert [p.title for p in doc.plans] == ["湖阳县2024年全民健身工作计划"] and doc.notices[0].title == notice


def test_a_separator_that_names_no_plan_leaves_the_title_to_the_plans_own_line():
    """"第一篇" over a sharing site's file name and page marker, then "共青团清河镇委员会2025年工作计划"
    (corpus rw739): the separator only counts the plans, the line under it titles each; a separator
    that names its plan ("……工作计划篇一") keeps titling it."""
    import planparse

    prose = "2025年，镇团委将坚持党建带团建，围绕镇党委中心工作，团结带领全镇团员青年建功立业。"
    text = "\n".join(["第一篇", "共青团清河镇委员会2025年工作计划", prose, "一、加强思想引领", prose,
                      "第二篇", "机电工程系团总支2024—2025学年第二学期工作计划", prose, "一、工作目标", prose])
    assert [p.title for p in planparse.parse(text).plans] == ["共青团清河镇委员会2025年工作计划",
                                                             "机电工程系团总支2024—2025学年第二学期工作计划"]
    named = "\n".join(["团委工作计划篇一", prose, "一、加强思想引领", prose, "团委工作计划篇二", prose, "一、工作目标", prose])
    assert [p.title for p in planparse.parse(named).plans] == ["团委工作计划篇一", "团委工作计划篇二"]


def test_a_plans_own_title_past_its_subtitle_under_the_separator_opens_no_next_plan():
    """"第三篇:河東區民政局2024年工作要點", a subtitle ("社會救助、養老服務、社區治理"), then the plan's
    own title again (corpus rw569): one plan, titled by its separator."""
    import planparse

    prose = "健全分层分类社会救助体系，3月启动低保、特困人员年度核查，对困难群众做到应保尽保。"
    text = "\n".join(["第一篇:青石街道办事处2024年工作计划", "一、加强基层治理", prose, "二、改善民生", prose,
                      "第二篇:河东区民政局2024年工作要点", "社会救助、养老服务、社区治理", "河东区民政局2024年工作要点",
                      "一、兜牢基本民生底线。" + prose, "二、发展普惠养老服务。" + prose])
    assert [p.title for p in planparse.parse(text).plans] == ["第一篇:青石街道办事处2024年工作计划",
                                                             "第二篇:河东区民政局2024年工作要点"]


def test_a_separator_over_a_cover_notice_opens_the_notice_and_the_plan_keeps_its_own_title():
    """"社区工作计划【篇3】" right over "关于印发《……》的通知" (corpus rw279): the compilation's third
    part is a notice and the plan it sends, titled by its own line, not an empty plan."""
    from planparse import parse

    first = ["社区工作计划【篇1】", "一、指导思想", "坚持党建引领，服务居民群众。", "二、主要工作", "1．3月5日开展学雷锋志愿服务。"]
    second = ["社区工作计划【篇2】", "关于印发《青石桥社区2024年秋冬季工作计划》的通知", "各居民小组、各网格：",
             "现将《青石桥社区2024年秋冬季工作计划》印发给你们，请认真抓好落实。", "青石桥社区居委会", "2024年8月30日",
             "青石桥社区2024年秋冬季工作计划", "一、工作目标", "做好秋冬季安全和民生服务。", "二、重点工作",
             "1．10月开展消防安全大排查。"]
    doc = parse("\n".join(first + second))
    assert [(p.title, p.first) for p in doc.plans] == [(first[0], 1), (second[6], 12)]
    assert [(n.first, n.last) for n in doc.notices] == [(6, 11)]


def test_a_taiwanese_announcement_that_sends_its_plan_is_a_notice():
    """A Taiwanese school's announcement: "說明：" with "一、依據……" and "二、檢送……計畫1份。" over
    the plan it sends (corpus rw307): a cover notice, numbered as it is, not an untitled plan."""
    from planparse import parse

    title = "臺北市立興安高級工業職業學校夜間部114學年度第1學期學生學習扶助實施計畫"
    lines = ["說明:", "一、依據本校114年8月27日行政會議決議辦理。", "二、檢送本校114學年度第1學期夜間部學生學習扶助實施計畫1份。",
             title, "一、依據:", "(一)本校114學年度校務發展計畫。", "二、目的:", "協助學習落後學生及早補救。",
             "三、實施期程:114年9月15日至115年1月9日。"]
    doc = parse("\n".join(lines))
    assert [(p.title, p.first) for p in doc.plans] == [(title, 4)]
    assert [n.last for n in doc.notices] == [3]


def test_a_taiwanese_announcement_by_its_subject_line_is_a_notice():
    """"主旨：公告本校……工作計畫……各1份，請 查照。" and its "說明：" over the plans it announces
    (corpus rw328): a cover notice, not an untitled plan."""
    from planparse import parse

    title = "桃園市立嵐溪國民中學112學年度學生輔導工作計畫"
    lines = ["主旨：", "公告本校112學年度學生輔導工作計畫及生命教育實施計畫各1份，請 查照。", "說明：",
             "一、依據本校112年8月29日校務會議決議辦理。", "二、請各處室依計畫內容配合辦理。",
             title, "壹、依據", "一、學生輔導法及其施行細則。", "貳、目標", "一、建立三級輔導體制。"]
    doc = parse("\n".join(lines))
    assert [(p.title, p.first) for p in doc.plans] == [(title, 6)]
    assert [n.last for n in doc.notices] == [5]


def test_a_link_to_the_next_article_names_the_title_below_it():
    """A site that strings articles together (corpus rw157): "下一篇：……活动方案", the page's chrome
    again, then that title opens the next plan, whatever its words."""
    from planparse import parse

    first = ["翠屏社区妇联2024年工作计划", "一、指导思想", "坚持以家庭工作为重点，服务妇女儿童。", "二、主要工作",
             "1、3月8日举办“三八”健步走。", "翠屏社区妇女联合会", "2024年2月"]
    chrome = ["上一篇：桐华街道妇联2024年工作计划", "下一篇：2024年“书香家庭 阅读成长”亲子阅读活动方案",
              "欢迎光临巾帼网!", "您现在所在位置:首页 >> 妇联工作 >> 工作计划"]
    second = ["2024年“书香家庭 阅读成长”亲子阅读活动方案", "发布日期: 2024-03-21    作者: 区妇联   访问次数: 417",
              "为深入推进家庭家教家风建设，营造全民阅读的浓厚氛围，区妇联决定开展亲子阅读活动。", "一、活动时间",
              "2024年4月至9月。", "二、活动内容", "1、4月23日举办亲子共读启动仪式。"]
    doc = parse("\n".join(first + chrome + second))
    assert [p.title for p in doc.plans] == [first[0], second[0]]


def test_a_plan_may_be_titled_an_activitys_design():
    """"……志愿者活动策划" (corpus rw161) is a plan's title, as "……活动方案" is."""
    from planparse.cues import is_title

    assert is_title("湿地公园“护绿行动”志愿者活动策划", None)
    assert is_title("校园文化艺术节策划书", None)
    assert not is_title("活动策划由团支部负责", None)


def test_a_governments_list_of_the_years_tasks_ends_a_title_set_in_two_lines():
    """"河湾街道2024年度" over "重点工作清单", under the notice that sends it out (corpus rw1499): a
    list of the year's tasks ends a title set in two lines, as "工作要点" does."""
    from planparse import parse

    lines = ["关于印发《河湾街道2024年度重点工作清单》的通知", "各部门,各社区:",
             "现将《河湾街道2024年度重点工作清单》印发给你们,请对照清单抓好落实。", "河湾街道办事处", "2024年4月10日",
             "河湾街道2024年度", "重点工作清单", "一、夯实基层组织", "1.建强小区党组织,每季度开展一次排查。",
             "二、优化网格治理", "2.每月15日召开居民说事会。"]
    doc = parse("\n".join(lines))
    assert [p.title for p in doc.plans] == ["河湾街道2024年度重点工作清单"]


def test_a_title_may_end_with_the_years_it_covers():
    """"觀塘綜合青少年服務中心年度計劃 2024-2025" (corpus rw331): a title, the years after the plan's
    name as a Hong Kong report sets them; a sentence that ends in years is not."""
    from planparse import parse
    from planparse.cues import is_title

    assert is_title("观塘综合青少年服务中心年度计划 2024-2025", None)
    assert is_title("学校社会工作服务年度计划2024—25学年度", None)
    assert not is_title("本中心将按计划推行至2025", None)
    doc = parse("\n".join(["P. 8", "觀塘綜合青少年服務中心年度計劃 2024-2025", "一、背景",
                            "本中心自1998年起於觀塘區提供綜合青少年服務。", "二、年度關注事項", "1. 提升青少年精神健康及抗逆力"]))
    assert [p.title for p in doc.plans] == ["觀塘綜合青少年服務中心年度計劃 2024-2025"]


def test_an_outline_under_chinese_numbered_parts_reads_its_numbers_as_numbers():
    """"二、团日活动安排" over "2.1 志愿服务类" and "2.1.1 活动一：……" (corpus rw447): an outline numbered
    under the parts' Chinese numbers; "2.1" is the part's number, not February 1st."""
    from planparse import parse

    plan = ["2025年校团委团日活动方案", "一、活动背景与目标", "1.1 活动背景", "为深化团员青年理想信念教育，制定本方案。", "1.2 活动目标",
            "全年开展主题团日活动不少于6次。", "二、团日活动安排", "2.1 志愿服务类", "2.1.1 活动一：“绿色校园”义务植树",
            "活动时间：2025年3月12日", "2.2 思想引领类", "2.2.1 活动二：纪念五四运动主题团日", "活动时间：2025年5月4日"]
    doc = parse("\n".join(plan))
    assert sorted(a.when.text for a in doc.plans[0].activities) == ["2025年3月12日", "2025年5月4日"]
    assert [c.heading.text for c in doc.plans[0].sections[1].sections] == ["2.1 志愿服务类", "2.2 思想引领类"]


def test_an_opening_and_a_closing_named_as_such_stand_beside_the_numbered_parts():
    """"引言" over the plan's opening words and "结语" over its last (corpus rw399, rw423, rw447): parts of
    the plan at the top level, beside 一、 and 二、 (not their parent), the opening and the closing."""
    from planparse import parse

    plan = ["2025年柳溪镇人民政府工作计划", "引言", "2025年是“十四五”规划的收官之年，镇政府将围绕以下重点开展工作。",
            "一、经济发展", "1. 项目建设：全年实施重点项目12个，完成投资8亿元。", "二、民生保障", "1. 教育：新建幼儿园1所。", "结语",
            "2025年柳溪镇人民政府将以更加务实的作风推动各项目标任务落地见效。"]
    doc = parse("\n".join(plan))
    sections = doc.plans[0].sections
    assert [s.heading.text for s in sections] == ["引言", "一、经济发展", "二、民生保障", "结语"]
    assert (sections[0].kind, sections[-1].kind) == ("preamble", "closing")


def test_a_plan_may_be_titled_a_plan_book():
    """"2024-2025年度校務計劃書" (corpus rw415): a plan book's title is a title, as "……计划" is."""
    from planparse.cues import is_title

    assert is_title("2024-2025年度校务计划书", None)
    assert is_title("2024年工会工作计划书", None)
    assert not is_title("各科组于9月底前交回计划书初稿", None)


def test_a_run_of_headings_numbered_without_marks_parts_the_plan():
    """"1班級情況分析", "2工作目標" … (corpus rw322): a page that lost its list's marks numbers its
    parts 1, 2, 3 with nothing after the number; three or more such short lines in order are the
    plan's headings, and a count ("3人参加") or two alone are not."""
    from planparse import parse

    title = "2023-2024學年第一學期八年級（3）班班主任工作計劃"
    plan = [title, "1班級情況分析", "本班現有學生47人，其中男生25人、女生22人。", "2工作目標",
            "（1）建立班級自主管理機制，爭創校級“文明班級”。", "3具體措施", "（1）實行值日班長輪崗制，每周五班會課上做一次小結。",
            "4每月工作安排", "九月：召開新學期家長會；選舉新一屆班委。"]
    doc = parse("\n".join(plan))
    assert [p.title for p in doc.plans] == [title]
    assert [s.heading.text for s in doc.plans[0].sections] == ["1班級情況分析", "2工作目標", "3具體措施", "4每月工作安排"]
    two = parse("\n".join([title, "1班級情況分析", "本班現有學生47人。", "2工作目標", "爭創校級“文明班級”。", "3人参加比赛"]))
    assert not {"1班級情況分析", "3人参加比赛"} & {s.heading.text for s in two.plans[0].sections if s.heading}


def test_an_outline_may_number_its_top_parts_with_a_space():
    """"1 总体要求" over "1.1 指导思想" (corpus rw351): the outline's top parts, numbered with a
    space, hold their numbered parts; the plan is one."""
    from planparse import parse

    plan = ["湖阳县2024年全民健身工作计划", "为加快构建更高水平的全民健身公共服务体系，制定本计划。", "1 总体要求", "1.1 指导思想",
            "坚持以人民为中心的发展思想，以增强人民体质为目标。", "1.2 工作目标", "到2024年底，经常参加体育锻炼人数比例达到38.5%以上。",
            "2 重点任务", "2.1 完善全民健身设施", "即日起至5月31日，组织对全县健身路径开展安全隐患排查。", "3 相关工作要求",
            "3.1 加强组织领导。县全民健身工作领导小组每季度召开一次调度会议。"]
    doc = parse("\n".join(plan))
    assert [p.title for p in doc.plans] == [plan[0]]
    assert [(s.heading.text, [c.heading.text for c in s.sections]) for s in doc.plans[0].sections if s.heading] == [
        ("1 总体要求", ["1.1 指导思想", "1.2 工作目标"]), ("2 重点任务", ["2.1 完善全民健身设施"]),
        ("3 相关工作要求", ["3.1 加强组织领导。"])]


def test_an_outlines_top_parts_may_be_letter_spaced_or_open_with_a_counters_character():
    """"1 总   体   要   求" (letter-spaced) and "2 项目安排" (项 opens 项目, not a count "2项", corpus
    rw517) head their outline's parts; a contents list under "目   录" that the document repeats
    below, with no page numbers, is a part of its own under its label and leaves the outline to the
    parts themselves."""
    from planparse import parse

    plan = ["溪塘区2024年民生实事项目推进工作方案", "目   录", "1 总   体   要   求", "1.1  指导思想", "2 项目安排",
            "2.1  教育和托育", "3 推进步骤", "1 总   体   要   求", "1.1  指导思想", "坚持以人民为中心的发展思想。", "2 项目安排",
            "2.1  教育和托育", "（1）新建中小学和幼儿园4所，8月底前投入使用。", "3 推进步骤", "12月底前完成全部项目验收。"]
    (got,) = parse("\n".join(plan)).plans
    assert [(s.heading.text, [c.heading.text for c in s.sections]) for s in got.sections if s.heading] == [
        ("目   录", []), ("1 总   体   要   求", ["1.1  指导思想"]), ("2 项目安排", ["2.1  教育和托育"]), ("3 推进步骤", [])]
    contents = got.sections[0]
    assert (contents.kind, contents.first, contents.last) == ("other", 2, 7)


def test_a_title_may_name_its_term_in_brackets():
    """"七（3）班班主任工作计划（2024-2025学年第一学期）" (corpus rw273): the term in brackets after the
    plan's name; under a forum thread's header and the poster's words, it titles the plan."""
    from planparse import parse
    from planparse.cues import is_title

    assert is_title("七（3）班班主任工作计划（2024-2025学年第一学期）", None)
    assert not is_title("本学期按计划（2024-2025学年第一学期）推进，具体安排如下", None)
    title = "七（3）班班主任工作计划（2024-2025学年第一学期）"
    page = ["查看: 3127|回复: 14", "[分享] 2024-2025学年第一学期七（3）班班主任工作计划（新手求指点）",
            "青柠老师_m  | 发表于 2024-8-27 21:16:05 | 显示全部楼层 |阅读模式", "第一次当班主任，先发上来请各位前辈拍砖~", "",
            title, "一、班级基本情况", "本班共有学生46人，其中男生25人，女生21人。", "二、工作目标",
            "1、用一个月左右帮助学生完成小升初过渡，建立良好的班级常规。"]
    assert [p.title for p in parse("\n".join(page)).plans] == [title]


@pytest.mark.parametrize("text, signs", [
    ("初二（3）班 林间晚风", True), ("心内科 王晓燕", True), ("大二班  李若岚  周晓彤", True),
    ("青枫县妇女联合会", True), ("共青团青陵区委", True), ("石门坳镇人民政府", True), ("八年级数学备课组", True),
    ("班主任：刘思源", True), ("主席　何耀明　谨启", True), ("2019.3.4", True), ("中华民国113年1月20日", True),
    ("2011年1月3日夜", True), ("二（3）班班主任：刘倩", True), ("教务处负责人：王立", True),
    ("加强部门协作", False), ("组织学生参加", False), ("班主任：加强班级管理。", False), ("2019.3.4开展消防演练", False),
])
def test_a_plans_sign_off_names_who_signs_and_when(text, signs):
    """Sign-offs as real pages write them (an organisation and its people's names, a role and a
    name, a dotted date, a date of the Republic's calendar), and lines that only look like them."""
    from planparse.cues import is_signoff

    assert is_signoff(text) is signs


def test_a_numbered_line_that_names_no_plan_is_never_a_title():
    """Whatever the line-role model says (here: a model that calls every line a title), "4.2强化
    安全教育培训" heads a part of the plan; "3.5学雷锋活动方案" names a plan and may be its title."""
    import numpy as np

    from planparse.classifier import LinearModel
    from planparse.normalize import recognize
    from planparse.roles import decide_roles

    classes = ("body", "chrome", "heading", "signoff", "title")
    titles_only = LinearModel({}, classes, np.zeros((5, 0), dtype=np.float32),
                              np.array([0, 0, 0, 0, 5], dtype=np.float32), {})
    texts = ["4.2强化安全教育培训", "二、加强组织领导", "3.5学雷锋活动方案"]
    lines = tuple(recognize(t, n, n, ((n, 0, 0),), True) for n, t in enumerate(texts, 1))  # numbered in outline
    assert decide_roles(lines, (), titles_only) == ["heading", "heading", "title"]


def test_a_numbered_plan_name_that_goes_on_with_the_plans_numbering_is_a_heading():
    """"2. 網上閱讀計劃" right after the plan's "1. 說話訓練" (corpus rw201) names a programme of
    the plan, not a second plan; "2. ……工作计划" opening a compilation's second plan still does."""
    from planparse import parse

    plan = ["2024-2025年度中國語文科周年計劃", "一、恆常工作安排", "1. 說話訓練", "每學段設說話訓練課，10月中旬前推薦學生參加比賽。",
            "2. 網上閱讀計劃", "科任每兩星期利用網上學習平台發放閱讀練習一次。", "二、評估", "6月下旬檢討全年工作。"]
    doc = parse("\n".join(plan))
    assert [(p.title, p.last) for p in doc.plans] == [(plan[0], len(plan))]
    compiled = ["1. 青溪小学工会工作计划", "一、指导思想", "坚持服务职工。", "二、主要工作", "3月开展三八节活动。",
                "2. 青溪小学德育工作计划", "一、指导思想", "坚持立德树人。", "二、主要工作", "9月开展开学第一课。"]
    assert [p.first for p in parse("\n".join(compiled)).plans] == [1, 6]


def test_a_line_set_in_markdown_bold_is_read_without_its_marks():
    """"**……邻里节活动方案**" over a scraped page's plan (corpus rw229): the title, without the
    asterisks; bold inside a line stays as written."""
    from planparse import parse

    title = "锦绣里社区2025年“邻里一家亲”邻里节活动方案"
    doc = parse("\n".join(["# 社区动态", f"**{title}**", "为增进邻里感情，特制定本方案。", "一、活动时间",
                           "5月17日上午，**请各楼栋长提前到场**。", "二、活动内容", "1、邻里美食分享会。"]))
    assert [p.title for p in doc.plans] == [title]
    assert "**请各楼栋长提前到场**" in doc.lines[-3].text


def test_a_title_run_into_its_opening_after_a_space_is_two_lines():
    """"……有限公司2024年度工作计划 2023年,公司在……" (corpus rw169): the title, then the opening; a
    page's one-line summary that runs into Markdown headings is not parted."""
    from planparse import parse

    title = "赣联冷链物流有限公司2024年度工作计划"
    doc = parse("\n".join(["首页 > 条据书信 > 正文", title + " 2023年,公司在集团党委的领导下,全年实现营业收入2.6亿元,同比增长12%。",
                           "一、指导思想", "坚持稳中求进工作总基调。", "二、重点工作", "1、5月起全面推行甩挂运输。"]))
    assert [p.title for p in doc.plans] == [title]
    assert doc.plans[0].sections[0].text.startswith("2023年,公司")
    from planparse.resources import heading_patterns

    assert heading_patterns().glued_title.match(title + " ## 一、指导思想 以习近平新时代中国特色社会主义思想为指导，") is None


def test_a_compilation_separator_run_into_the_plans_year_is_parted_from_it():
    """"党支部工作计划 篇220xx年，……" and "……篇3 2023年，……" (corpus rw321): the separator 篇2 (not
    篇220) and 篇3, each a plan's title, then the plan's opening."""
    from planparse import parse

    body = "社区党支部将紧紧围绕街道党工委的工作部署，以服务居民为中心，切实提升基层党组织的组织力。"
    lines = ["党支部工作计划 篇1为深入学习贯彻党的二十大精神，结合支部实际，制定2024年工作计划如下：", "一、加强政治学习",
             "1．每月开展一次集中学习。", "党支部工作计划 篇220xx年，" + body, "一、规范组织生活", "1．每季度召开一次组织生活会。",
             "党支部工作计划 篇3 2023年，" + body, "一、推进党建融合", "1．9月开展党建+教学观摩。"]
    doc = parse("\n".join(lines))
    assert [p.title for p in doc.plans] == ["党支部工作计划 篇1", "党支部工作计划 篇2", "党支部工作计划 篇3"]
    assert doc.plans[1].sections[0].text.startswith("20xx年，社区") and doc.plans[2].sections[0].text.startswith("2023年，社区")


def test_the_line_that_repeats_the_pages_own_title_is_the_articles_title():
    """A blog saved as text: "2024，给自己立几个Flag – 苇岸札记" first, the site's menu, then the post's
    name alone over its byline (corpus rw315): the post's title, though it names no plan; the page's
    own title line is chrome."""
    from planparse import parse

    post = ["首页 归档 读书 关于我", "2024，给自己立几个Flag", "发布于 2024年1月1日 作者 阿岚 分类 生活随笔 3条评论",
            "对于年度计划这件事，我以前总是拖到春节才想，今年想早点把想法写下来，年底再来对账。", "一、工作",
            "1. 第一季度完成排班方案的需求梳理，4月在武汉仓试运行。", "二、生活", "1. 每周跑步三次，10月参加一次半程马拉松。"]
    doc = parse("\n".join(["2024，给自己立几个Flag – 苇岸札记", "苇岸札记"] + post))
    assert [(p.title, p.first) for p in doc.plans] == [("2024，给自己立几个Flag", 4)]
    assert 1 in {e.line for e in doc.boilerplate}


def test_a_forum_posts_title_and_greeting_over_the_plan_it_posts_are_the_pages():
    """"[公告] ……工作計畫（幹部會議通過版）", the poster's two lines of greeting, a rule, then the plan
    under its own title (corpus rw317): one plan, the post's title and greeting the page's."""
    from planparse import parse

    title = "花嶺大學山海服務隊113學年度第二學期工作計畫"
    lines = ["[公告] 山海服務隊113-2學期工作計畫（幹部會議通過版）", "各位隊員好，寒假幹部營討論完的東西整理如下",
             "有任何意見直接推文或寄站內信給我，週五前沒有意見就照這份跑", "=" * 40, title, "一、計畫緣起",
             "本隊成立於民國98年，長期在東部沿海部落與偏鄉國小進行課輔及環境服務。", "二、本學期目標",
             "1.穩定經營兩個課輔據點", "2.新隊員招募30人以上，完成基礎培訓"]
    doc = parse("\n".join(lines))
    assert [(p.title, p.first) for p in doc.plans] == [(title, 5)]
    assert {1, 2, 3} <= {e.line for e in doc.boilerplate}


def test_a_titles_clause_is_not_run_into_the_text_after_its_byline():
    """"2026 年，我只给自己定了三个目标和一张年历", the writer's name and date, then the post (corpus
    rw217): the title stays a line of its own, though it holds a comma and ends without a stop."""
    from pathlib import Path

    from planparse import parse_file

    doc = parse_file(Path(__file__).parent.parent / "corpus" / "docs" / "rw217.txt")
    assert [(p.title, p.first) for p in doc.plans] == [("2026 年，我只给自己定了三个目标和一张年历", 10)]


def test_a_blogs_name_in_the_pages_title_is_not_the_posts_title():
    """A Sina blog saved as text (corpus rw345): "静水流深_新浪博客", the blog's name again, its profile,
    then the post's title, five lines of date, 转载 and tags, and the text: the post's title is the
    plan's, not the blog's name."""
    from pathlib import Path

    from planparse import parse_file

    doc = parse_file(Path(__file__).parent.parent / "corpus" / "docs" / "rw345.txt")
    assert [(p.title, p.first) for p in doc.plans] == [("2024—2025学年第一学期五（2）班班主任工作计划", 13)]


def test_the_second_pages_copy_of_the_title_after_a_link_to_it_is_the_pages():
    """"[下一页]" then "# ……德育工作计划(2)" in the middle of the plan (corpus rw181): the second page's
    copy of the title, not a compilation's second plan."""
    from planparse import parse

    title = "2024年清溪镇中心小学德育工作计划"
    lines = [title, "一、指导思想", "坚持立德树人，把社会主义核心价值观融入教育全过程。", "二、主要工作",
             "1、3月5日开展学雷锋志愿服务。", "**1** [2](http://www.example.com/160026_2.html) [下一页](http://www.example.com/160026_2.html)",
             title + "(2)", "2、4月4日前组织清明祭扫活动。", "3、6月1日举行庆六一文艺汇演。"]
    doc = parse("\n".join(lines))
    assert [p.title for p in doc.plans] == [title]
    assert 7 in {e.line for e in doc.boilerplate}


def test_a_numbered_copy_of_the_title_that_the_plans_numbering_runs_through_is_the_pages():
    """"……教研工作计划（2）" between the plan's 三、 and its 四、 (corpus rw215, no link to the next
    page above it): the second page's copy of the title; with 一、 again under it, a second plan."""
    from planparse import parse

    title = "秋季学期数学组教研工作计划"
    head = [title, "一、指导思想", "以新课标为引领，深化课堂教学改革。", "二、工作目标", "提高课堂教学效率。", "三、主要工作",
            "1、开展集体备课。", "2、做好培优辅导，10月起每周四下午开设培优班。"]
    doc = parse("\n".join(head + [title + "（2）", "四、具体活动安排：", "9月开展新教师汇报课。"]))
    assert [p.title for p in doc.plans] == [title]
    assert len(head) + 1 in {e.line for e in doc.boilerplate}
    doc = parse("\n".join(head + [title + "（2）", "一、指导思想", "坚持以生为本。", "二、主要工作", "9月开展新教师汇报课。"]))
    assert [p.title for p in doc.plans] == [title, title + "（2）"]


def test_a_schedule_after_the_sign_off_is_the_plans():
    """The sign-off, then "月份工作安排" and its Markdown table (corpus rw181): the plan's schedule,
    appended, not an untitled plan of its own; a second plan's own title after a sign-off still
    opens it."""
    from pathlib import Path

    from planparse import parse, parse_file

    doc = parse_file(Path(__file__).parent.parent / "corpus" / "docs" / "rw181.md")
    assert [p.title for p in doc.plans] == ["2024年清溪镇中心小学德育工作计划"]
    assert {a.when.start.month for a in doc.plans[0].activities} >= {2, 3, 12}
    plan = ["2024年清溪镇中心小学德育工作计划", "一、指导思想", "坚持立德树人。", "二、保障措施", "1、保障德育活动经费。",
            "清溪镇中心小学德育处", "二〇二四年二月"]
    doc = parse("\n".join(plan + ["2024年清溪镇中心小学少先队工作计划", "一、指导思想", "坚持育人为本。"]))
    assert [p.title for p in doc.plans] == [plan[0], "2024年清溪镇中心小学少先队工作计划"]


def test_closing_words_inside_a_part_whose_numbering_goes_on_below_end_no_plan():
    """"本計畫自……起實施" as an item's last sentence inside the plan's 一、 (corpus rw1785, a board's
    report): closing words, but the plan's 二、 and its (一) below go on in the same plan; after
    closing words a new 一、 still opens the next, untitled plan."""
    from planparse import parse

    first = ["年度會務計畫", "壹、本年度工作重點", "一、助學補助：", "(一)持續辦理偏鄉學童課後陪讀計畫。",
             "(二)開辦青年技藝研習班，每月補助學員交通費800元。", "˙本計畫自3月1日起實施，並於年底前檢討成效。"]
    doc = parse("\n".join(first + ["二、急難關懷：", "(一)受理轉介個案，即時發放慰問金。", "(二)配合災後重建，協助修繕房屋。"]),
                year=2024)
    assert [(p.title, p.first) for p in doc.plans] == [(first[0], 1)]
    doc = parse("\n".join(first[:-1] + ["本計畫自公布之日起實施，未盡事宜另行通知。",
                                         "一、活動時間", "5月18日上午。", "二、活動地點", "社區活動中心。"]), year=2024)
    assert [p.first for p in doc.plans] == [1, len(first) + 1]


def test_a_notice_with_its_own_points_and_only_a_list_of_attachments_is_the_plan():
    """"关于印发……实施方案的通知" that sends its plans out "并将有关事项通知如下", numbers its own
    points, lists what it attaches ("附件：1.……实施方案", "2.……实施方案") and signs (corpus rw1809):
    with no plan's text after it, the notice is the plan, and the list's first entry titles nothing."""
    from planparse import parse

    notice = ["关于印发江岭市安全生产“三项整治”实施方案的通知", "江应急函〔2024〕31号", "各区县应急管理局，市直有关单位：",
              "为落实全市安全生产工作会议部署，研究制定了“三项整治”实施方案，现印发你们，请认真抓好落实，并将有关事项通知如下。",
              "一、实施步骤", "（一）动员部署阶段（2024年6月底前）。各地细化本地实施计划。",
              "（二）集中整治阶段（2024年7月—12月）。各地按计划推进整治。", "二、工作要求",
              "（一）加强组织领导。各地要把整治列为重点工作。", "（二）做好信息报送。各地于每月25日前报送进展情况。",
              "附件：1.江岭市危化品安全整治实施方案", "      2.江岭市消防通道整治实施方案", "江岭市应急管理局", "2024年6月3日"]
    doc = parse("\n".join(notice), year=2024)
    assert [(p.title, p.first, p.last) for p in doc.plans] == [(notice[0], 1, len(notice))]
    assert doc.notices == ()


def test_a_notices_copy_to_line_over_the_plans_title_is_no_half_of_it():
    """"抄送：县体育局" under a cover notice's sign-off, right over the plan's title (corpus rw1808): a
    field of the notice, not an organisation's name set over the title."""
    from planparse import parse

    title = "2025年河口镇全民健身月活动方案"
    lines = ["关于印发《" + title + "》的通知", "各村（社区）、镇直各单位：",
             "《" + title + "》已经镇党委研究同意，现印发你们，请认真组织实施。", "河口镇人民政府", "2025年7月20日",
             "抄送：县体育局", title, "为丰富群众文体生活，结合我镇实际，制定本方案。", "一、活动时间", "2025年8月1日至31日。",
             "二、活动内容", "（一）8月8日举办全民健身日广场舞展演。"]
    doc = parse("\n".join(lines), year=2025)
    assert [(p.title, p.first) for p in doc.plans] == [(title, 7)]


def test_a_notices_title_broken_before_its_letter_spaced_kind_is_one_title():
    """"关于开展……创建活动的", a blank line, then "通  知" (corpus rw1814, a Word copy of a league
    committee's notice): one title, the kind of document set apart on its own line."""
    from planparse import parse

    lines = ["关于开展“书香班组”创建活动的", "", "通  知", "", "各分公司团支部：", "为营造读书氛围，现将有关事项通知如下：",
             "一、活动时间", "2024年4月至10月。", "二、活动内容", "每月组织一次读书分享会。"]
    doc = parse("\n".join(lines), year=2024)
    assert ["".join(p.title.split()) for p in doc.plans] == ["关于开展“书香班组”创建活动的通知"]


def test_a_pdfs_title_broken_after_its_year_and_subject_is_one_title():
    """A PDF's text that opens with "2023年公共卫生国家随机监督" over "抽查计划方案" (corpus rw1811):
    one title in two lines, its year first, though the first half names no plan."""
    from pathlib import Path

    from planparse import parse_file

    doc = parse_file(Path(__file__).parent.parent / "corpus" / "docs" / "rw1811.txt")
    assert [(p.title, p.first) for p in doc.plans] == [("2023年公共卫生国家随机监督抽查计划方案", 1)]


def test_a_paragraph_that_announces_a_plan_over_a_new_first_part_opens_one():
    """A compilation with no markers (corpus rw213): after the first plan's parts, "为庆祝……，具体安排
    如下：" and then 一、 again open a second, untitled plan; "为确保……，具体安排如下：" inside a part,
    over its 1、 2、, does not."""
    from planparse import parse

    first = ["社区庆“三八”妇女节趣味活动方案", "一、活动时间", "3月8日下午。", "二、活动内容",
             "为确保活动顺利开展，具体安排如下：", "1、趣味拔河比赛。", "2、巾帼故事分享会。", "三、有关要求", "1、做好安全保障。"]
    second = ["为庆祝“三八”国际劳动妇女节，活跃女职工的节日文化生活，经公司工会研究，决定开展系列活动，具体安排如下：",
              "一、活动时间及内容", "（一）3月8日上午，工会为每位女职工发放节日慰问品。", "二、参加人员", "公司全体在职女职工。"]
    doc = parse("\n".join(first + second), year=2024)
    assert [(p.title, p.first) for p in doc.plans] == [(first[0], 1), (None, len(first) + 1)]
    back = ["为实现上述目标，各科室全年工作安排如下："] + second[1:]  # looks back: the departments of the same plan
    assert [(p.title, p.first) for p in parse("\n".join(first + back), year=2024).plans] == [(first[0], 1)]


def test_a_second_statement_of_the_work_s_line_of_thought_opens_a_plan():
    """A union compilation with no markers (corpus rw173): "分局工会今年的工作思路是：……" after the first
    plan's numbered parts states a second plan's ideology, and its 一、 again belongs to that plan."""
    from planparse import parse

    first = ["工会工作计划 篇1", "2024年全区工会工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，团结动员广大职工建功立业。",
             "一、深入开展劳动和技能竞赛。5月举办职工技能比武。", "二、扎实做好帮扶救助。春节前走访慰问困难职工。"]
    second = ["分局工会今年的工作思路是：在分局党委的领导下，紧紧围绕公安中心工作，坚持服务民警。",
              "一、切实关心民警身心健康。9月组织民警体检。", "二、丰富民警文化生活。10月举办趣味运动会。"]
    doc = parse("\n".join(first + second), year=2024)
    assert [(p.title, p.first) for p in doc.plans] == [(first[0], 1), (None, 5)]


def test_a_title_set_as_a_list_item_is_named_without_its_bullet():
    """A sharing site's transcript lists the title as a bullet ("• 慈光天主教小學 2014-2015年度 周年計劃",
    corpus rw291): the plan's title is the words, not the bullet."""
    from planparse import parse

    title = "慈光天主教小學 2014-2015年度 周年計劃"
    doc = parse("\n".join(["• " + title, "一、關注事項", "推動自主學習，提升學與教效能。", "二、行事曆",
                           "1. 9月1日開學禮。"]))
    assert [p.title for p in doc.plans] == [title]


def test_a_converters_pinyin_inside_the_words_is_read_past():
    """A template site's converter writes pinyin after some characters ("工作計(jì)劃1", "國(guó)慶節(jié)";
    corpus rw303): titles, separators and dates are read without it and kept as written."""
    from planparse import parse

    lines = ["幼兒園十月份的工作計(jì)劃1", "一、工作重點", "1、國(guó)慶節(jié)前布置節日環境。", "幼兒園十月份的工作計(jì)劃2",
             "一、工作重點", "1、10月9日召開家長會。"]
    doc = parse("\n".join(lines), year=2023)
    assert [p.title for p in doc.plans] == [lines[0], lines[3]]
    assert [(a.when.text, str(a.when.start)) for a in doc.plans[0].activities] == [("國(guó)慶節(jié)前", "2023-10-01")]


def test_parts_numbered_behind_one_label_are_the_plans_headings():
    """"O1：工作——……", "O2：……", "O3：……" (corpus rw333), "第一件事，坚持跑步。……" (rw302), "活動主題一:"
    (rw441): three or more parts numbered 1, 2, 3 behind the same label head the plan, the first
    after "前言" too; attachments numbered 附件1, 附件2, 附件3 are no such parts."""
    from planparse import parse

    plan = ["2025年个人计划", "前言", "今年想做成的事情不多，写下来给自己提个醒。", "O1：工作——把手上的活干漂亮", "3月底前交付新系统。",
            "O2：学习——考证", "6月参加软考。", "O3：健康——跑一场半马", "每周跑步三次。"]
    doc = parse("\n".join(plan), year=2025)
    assert [s.heading.text for s in doc.plans[0].sections] == ["前言", "O1：工作——把手上的活干漂亮", "O2：学习——考证",
                                                             "O3：健康——跑一场半马"]
    jobs = parse("\n".join(["2024年个人计划", "第一件事，坚持跑步。每周至少跑三次。", "第二件事，多读几本书。元月先读完《万历十五年》。",
                            "第三件事，多陪陪家人。5月第二个星期日陪妈妈过母亲节。"]), year=2024)
    assert [s.heading.text for s in jobs.plans[0].sections] == ["第一件事，坚持跑步。", "第二件事，多读几本书。", "第三件事，多陪陪家人。"]
    files = parse("\n".join(["2024年工会工作计划", "一、主要工作", "1、开展职工书屋建设。", "附件1：报名表", "附件2：日程表", "附件3：名单"]))
    assert all(s.heading is None or s.heading.style != "labelled" for p in files.plans for t in p.sections for s in (t, *t.sections))


def test_kangxi_radicals_a_pdf_writes_read_as_the_characters_they_stand_for():
    """"⼀、⼯作目标", "6⽉安全⽣产⽉" (corpus rw474): a PDF's text layer writes Kangxi radicals for the
    characters they look like; the heading is numbered 一 and the month is June."""
    from planparse import parse

    doc = parse("2024年物业工作计划\n⼀、⼯作目标\n6⽉安全⽣产⽉期间开展⼀次消防演练。", year=2024)
    assert doc.plans[0].sections[0].heading.number == "一"
    assert [str(a.when.start) for a in doc.plans[0].activities] == ["2024-06-01"]


def test_the_term_a_plan_names_first_is_its_own():
    """"……2024年春季学期工作计划" over "去年秋季学期……" (corpus rw475): the term the plan names first
    is its own; the autumn term it looks back on is not."""
    from planparse.normalize import recognize
    from planparse.plans import plan_year

    lines = [recognize("青石镇中心幼儿园2024年春季学期工作计划", 2), recognize("一、基本情况", 3),
             recognize("本园去年秋季学期顺利通过县级一类幼儿园复评。", 4)]
    assert plan_year("篇二:乡镇年度工作计划,乡镇工作要点", lines) == (2024, 2)


def test_short_lines_that_open_alike_each_over_prose_head_a_blogs_plan():
    """"关于读书", "关于写作", "关于健康" (corpus rw393): three or more short unnumbered lines that
    open with the same two characters, each over a paragraph, are the plan's headings; a list of
    such lines with no prose under them is not."""
    from planparse import parse

    prose = "这几年读得太少，今年每月至少读完一本书，并写一篇读书笔记。"
    doc = parse("\n".join(["2024年个人计划", "关于读书", prose, "关于写作", prose, "关于健康", prose]), year=2024)
    assert [s.heading.text for s in doc.plans[0].sections] == ["关于读书", "关于写作", "关于健康"]
    listed = parse("\n".join(["2024年个人计划", prose, "关于读书", "关于写作", "关于健康"]), year=2024)
    assert not [s for s in listed.plans[0].sections if s.heading is not None]


def test_a_school_year_named_by_its_first_year_ends_in_the_next():
    """"2013学年度第二学期工作计划" (corpus rw481, a Shanghai school): the school year 2013 runs into
    2014, and its second term is in 2014."""
    from planparse.plans import plan_year

    assert plan_year("2013学年度第二学期工作计划", []) == (2014, 2)
    assert plan_year("2023学年第一学期教研组工作计划", []) == (2023, 1)


def test_a_second_term_moves_on_only_a_school_years_first_year():
    """A blog post dated "2026年2月8日" over "114學年度第二學期" (corpus rw713): the year the opening
    gives is a day's, already the second term's, not a school year's first; "114學年度第二學期" in
    the title is the school year 2025–2026, its second term in 2026."""
    from planparse.normalize import recognize
    from planparse.plans import plan_year

    opening = [recognize("2026年2月8日 星期日", 3),
               recognize("以下是我這學期（114學年度第二學期，2026年2月23日開學）帶五年二班的計畫。", 5)]
    assert plan_year("開學前四週：我的五年二班班級經營計畫", opening) == (2026, 2)
    assert plan_year("114學年度第二學期五年二班班級經營計畫", []) == (2026, 2)


def test_a_notice_about_a_year_is_of_that_year():
    """"关于2024年暑假放假及暑期工作安排的通知" (corpus rw687): a title about a year ("关于", "对于")
    gives the plan its year, though the "2023-2024学年校历" an opening line follows comes first;
    a year the title says something was founded in ("成立于") stays background."""
    from planparse.normalize import recognize
    from planparse.plans import plan_year

    opening = [recognize("根据学院2023-2024学年校历安排，现将暑期有关工作安排通知如下：", 5)]
    assert plan_year("关于2024年暑假放假及暑期工作安排的通知", opening) == (2024, None)
    assert plan_year("对于2025年工会工作的几点安排", []) == (2025, None)
    assert plan_year("本会成立于2012年", []) == (None, None)


def test_a_line_of_thought_under_its_own_unnumbered_heading_opens_no_plan():
    """A plan's opening, then "总体思路" and the paragraph under it (corpus rw833): the second
    statement of the plan's thinking is that part's text, not a second plan; the same paragraph
    with no heading over it after the plan's parts still opens one (rw173, above)."""
    from planparse import parse

    lines = ["岭南县妇联2025年工作计划", "2025年是全面落实县妇女代表大会精神的关键之年。县妇联将紧扣中心、服务大局。", "总体思路",
             "全年工作的总体思路是：以党建带妇建为统领，以“巾帼建新功”为主线，团结引领全县妇女。", "工作目标",
             "全年新培育县级巾帼创业示范基地3个，开展家庭教育讲座40场。"]
    doc = parse("\n".join(lines))
    assert [(p.title, p.first, p.last) for p in doc.plans] == [(lines[0], 1, len(lines))]


def test_a_cover_pages_fields_and_date_close_no_plan():
    """A Word copy's cover (corpus rw683): the title, "编制科室：……", "审    核：……" and the date,
    then the table of contents and the plan's 一、: one plan; a Word field's code before the title
    ("1、PAGE……") is the page's."""
    from planparse import parse

    lines = ["1、PAGE安湖县人民医院医院感染管理科2025年度工作计划", "编制科室：医院感染管理科", "审    核：龚建平", "二〇二五年一月",
             "目    录", "一、指导思想……………………3", "二、工作目标……………………3", "一、指导思想",
             "以《医院感染管理办法》为依据，持续推进院感防控精细化管理。", "二、工作目标", "全年医院感染发生率控制在1.5%以下。"]
    doc = parse("\n".join(lines))
    assert [(p.title, p.first, p.last) for p in doc.plans] == [("安湖县人民医院医院感染管理科2025年度工作计划", 1, len(lines))]


def test_a_plans_next_item_after_a_hidden_stretch_goes_on_with_it():
    """A sharing site's "还剩6页未读，继续阅读" between a compilation's plan's "2、" and "3、" (corpus
    rw305): its next item, not a later plan's end; text after the note that goes on with no
    numbering of the plan is still a later plan's end."""
    from planparse import parse

    first = ["医院护理部2025年度工作计划范文一", "一、加强护理质量管理", "1、3月完成护理制度修订。", "医院护理部2025年度工作计划范文二",
             "一、夯实基础护理", "1、2月完成急救设备检查。", "2、3.18-3.22开展静脉穿刺专项练兵。"]
    doc = parse("\n".join(first + ["还剩6页未读，继续阅读", "3、上半年完成2名护士的专科护士资格培训。", "二、做好健康宣教",
                                   "1、6月1日在病区开展游戏活动。"]), year=2025)
    assert [p.title for p in doc.plans] == [first[0], first[3]]
    doc = parse("\n".join(first + ["还剩6页未读，继续阅读", "四、工作要求", "各护理单元要认真落实本计划。"]), year=2025)
    assert [p.title for p in doc.plans] == [first[0], first[3], None]


def test_a_parts_number_alone_on_its_line_heads_the_part():
    """A paper-download site's copy (corpus rw835) sets each part's number alone on its line ("一" …
    "四") and runs the part's name into the paragraph below: a run of three or more in order are
    the plan's parts; one numeral alone is not."""
    from planparse import parse

    lines = ["星河幼儿园2025年春季学期园务工作计划", "一", "本学期我园共设大、中、小班9个，在园幼儿276名。", "二",
             "本学期园务工作的总体目标是：以园本课程建设为抓手，全面提升保教质量。", "三",
             "保育教育工作。开学初，各班完成班级环境创设；3月中旬开展自主游戏专题教研。", "四",
             "家园共育工作。2月下旬召开新学期家长会，向家长介绍本学期工作重点。"]
    doc = parse("\n".join(lines), year=2025)
    assert [s.heading and s.heading.number for s in doc.plans[0].sections] == ["一", "二", "三", "四"]
    doc = parse("\n".join(lines[:4] + ["本学期将继续加强教师培训。"]), year=2025)
    assert all(s.heading is None for s in doc.plans[0].sections)


def test_the_bodies_that_send_a_notice_over_its_title_are_its_red_head():
    """A sharing site's copy of a notice whose red head names the bodies that send it and its number
    ("1、中共……委员会", "……学院", "化材党〔2024〕3号", corpus rw467) over "关于印发《……》的通知": all of it the
    notice, no untitled plan."""
    from planparse import parse

    lines = ["版权说明：本文档由用户提供并上传，收益归属内容提供方，若内容存在侵权，请进行举报或认领", "文档简介",
             "1、中共江澄大学化学与材料工程学院委员会", "江澄大学化学与材料工程学院", "化材党〔2025〕3号",
             "关于印发《化学与材料工程学院2025年工作要点》的通知", "各系（中心）、各党支部：",
             "经学院党政联席会议研究通过，现将《化学与材料工程学院2025年工作要点》印发给你们，请认真贯彻落实。",
             "2025年3月8日", "化学与材料工程学院2025年工作要点", "一、加强党的建设", "3月开展党纪学习教育。"]
    doc = parse("\n".join(lines))
    assert [(n.first, n.last) for n in doc.notices] == [(3, 9)]
    assert [(p.title, p.first) for p in doc.plans] == [(lines[9], 10)]


def test_a_news_headline_may_title_the_plan_it_reports():
    """"北區坊會二○二五年度工作計劃出爐" (corpus rw599): a news report's headline that names the plan
    and says it is out titles it; a clause that publishes one does not."""
    from planparse.cues import is_title

    assert is_title("北区坊会二○二五年度工作计划出炉", None)
    assert is_title("青禾社区2025年“七一”系列活动安排来啦", None)
    assert not is_title("各支部要把工作计划出炉的时间报给党办", None)


def test_a_table_of_contents_before_the_plans_title_is_no_plan():
    """A budget's front matter (corpus rw611): its table of contents, with leaders and page numbers,
    before the document's title is no untitled plan; the plan begins at the title."""
    from planparse import parse

    lines = ["内政部国土资讯推动署", "目  次", "一、预算总说明 ----------------------------- 1",
             "（一）岁入来源别预算表 ------------------------ 11", "（二）岁出机关别预算表 ------------------------ 12",
             "内政部国土资讯推动署2025年度施政计划", "一、现行法定职掌", "（一）机关主要职掌",
             "办理国土资讯系统之规划、推动与整合事项。", "二、施政目标", "1. 2025年3月完成国土资讯平台第二期建置。"]
    doc = parse("\n".join(lines))
    assert [(p.title, p.first) for p in doc.plans] == [(lines[5], 6)]


@pytest.mark.parametrize("title, opening", [
    ("城西区实验小学2023-2024学年工作计划", "依据区教育局年度工作要点，结合我校实际，现将本学年工作安排如下，请各处室认真落实。"),
    ("青石镇2025年安全生产宣传教育计划", "在全镇上下深入推进安全生产治本攻坚三年行动的背景下，为进一步增强群众的安全意识和自救互救能力，结合我镇实际，特制定本计划。"),
], ids=["school-year-yiju", "zai-xia"])
def test_a_dated_title_run_into_an_opening_of_its_kind_is_parted(title, opening):
    """"……2023-2024学年工作计划依据……" (corpus rw925) and "……宣傳教育計劃在全鎮……的背景下，"
    (rw926): a sharing site's preview lost the break after the title."""
    from planparse import parse

    doc = parse("\n".join(["文档分享 > 工作计划", title + opening, "一、工作目标", "全年安全事故零发生，群众知晓率达到95%以上。",
                           "二、主要措施", "1、3月开展安全生产大排查。"]))
    assert [p.title for p in doc.plans] == [title]


@pytest.mark.parametrize("text, title", [
    ("血液透析室护理工作计划范文大全", True),  # corpus rw947: a template farm's suffix
    ("扶輪社服務計畫　主任委員：黃志明", True),  # corpus rw960: who leads the plan, on its title's line
    ("教研组工作计划　组长", True),
    ("工作计划负责人：张三", False),  # a field, no gap before the role
    ("主任委员：黄志明", False),
])
def test_a_titles_farm_suffix_and_leaders_name_leave_it_a_title(text, title):
    from planparse.cues import is_title
    from planparse.resources import to_simplified

    assert is_title(to_simplified(text), None) is title


@pytest.mark.parametrize("line, title", [
    ("2023年度网络教育教学教务工作日历", True),  # corpus rw990: a college's calendar by its own name
    ("2024—2025学年第一学期校历", True),
    ("订阅Google日历", False),  # a bare 日历 is a widget's, no plan
    ("春天的日历", False),
])
def test_a_schools_calendar_by_its_own_name_is_a_title(line, title):
    from planparse.cues import is_title

    assert is_title(line, None) is title
