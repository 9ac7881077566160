"""Plans nested into sections: the numbering families, restarts and the parts a plan's text shows."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse

GOALS = ["2024年青山镇工作计划", "今年全镇工作的总体要求是稳中求进。",
         "一、经济运行稳中有进。全年地区生产总值增长6%。", "二、民生保障更加有力。完成十项民生实事。",
         "三、基层治理更加高效。信访积案化解率达到100%。"]
RUN = ["一、党政办：3月完成年度目标考核方案的制定。", "二、经发办：5月举办招商推介会。",
       "三、社会事务办：9月开展重阳敬老月活动。"]


def test_a_lead_in_before_the_numbering_starts_again_is_a_part_of_its_own():
    doc = planparse.parse("\n".join(GOALS + ["为实现上述目标，各办重点工作安排如下："] + RUN))
    (plan,) = doc.plans
    parts = [(s.heading.number if s.heading else None, s.first, s.last) for s in plan.sections]
    assert parts == [(None, 2, 2), ("一", 3, 3), ("二", 4, 4), ("三", 5, 5), (None, 6, 6),
                     ("一", 7, 7), ("二", 8, 8), ("三", 9, 9)]


def test_a_lead_in_to_an_items_own_list_stays_with_the_item():
    lines = GOALS[:3] + ["主要措施如下：", "1、3月召开动员大会。", "2、5月开展专项检查。"] + GOALS[3:]
    (plan,) = planparse.parse("\n".join(lines)).plans
    first = plan.sections[1]
    assert (first.heading.number, first.first, first.last) == ("一", 3, 6)



def test_a_lead_in_that_refers_to_the_goals_above_names_them():
    """A town's plan (corpus rw125): five one-line targets, then "围绕上述目标，各办（中心）年度重点
    工作安排如下：" — the lead-in says what the five were."""
    from pathlib import Path

    doc = planparse.parse_file(Path(__file__).parent.parent / "corpus" / "docs" / "rw125.txt")
    (plan,) = doc.plans
    lead = next(s for s in plan.sections if s.heading is None and "上述目标" in s.text)
    before = [s for s in plan.sections if s.heading is not None and s.last < lead.first]
    assert [s.heading.number for s in before] == list("一二三四五")
    assert {s.kind for s in before} == {"goals"}


def test_topic_labels_run_into_their_paragraphs_head_the_plans_parts():
    """"党建工作：……", "文体活动：……" (corpus rw159): three or more in a row are the plan's parts;
    a list of places with their figures is not."""
    labelled = ["党建工作：坚持党建带工建，全年组织职工政治理论学习不少于6次。",
                "文体活动：五一前后举办职工趣味运动会，丰富职工业余文化生活。",
                "困难帮扶：春节前走访慰问困难职工，建立困难职工帮扶台账。"]
    (plan,) = planparse.parse("\n".join(["2024年机关工会工作计划"] + labelled), year=2024).plans
    assert [s.heading.title for s in plan.sections] == ["党建工作", "文体活动", "困难帮扶"]
    assert plan.sections[1].text.startswith("五一前后")
    places = ["城关镇：市级示范户40户，县级示范户200户，示范村3个。", "柳林镇：市级示范户35户，县级示范户180户。",
              "河口镇：市级示范户30户，县级示范户150户，示范村2个。"]
    (plan,) = planparse.parse("\n".join(["2024年妇联工作计划", "一、主要工作"] + places), year=2024).plans
    assert [s.heading.number for s in plan.sections] == ["一"] and not plan.sections[0].sections


def test_names_in_brackets_that_open_three_lines_or_more_head_the_plans_parts():
    """A forum's outing plan (corpus rw892): "【活动目的】……", "【组织单位】……", "【行程路线】……" run into
    their text, names the heading cues do not list; three or more on the page are its parts. Two are
    not enough, and a compilation's marker in brackets heads no part."""
    named = ["【活动目的】走出车间和办公室，到山水间换换空气，让新老团员互相认识。",
             "【组织单位】共青团某化工有限公司委员会，欢迎职工携家属参加。",
             "【行程路线】江城出发，经县城到仙女湖，全程约210公里，车程4小时左右。",
             "【报名方式】5月12日前向各车间团支部书记报名，名额40人。"]
    (plan,) = planparse.parse("\n".join(["仙女湖踏青游活动方案", *named]), year=2015).plans
    assert [s.heading.title for s in plan.sections] == ["活动目的", "组织单位", "行程路线", "报名方式"]
    assert plan.sections[2].text.startswith("江城出发")
    (plan,) = planparse.parse("\n".join(["仙女湖踏青游活动方案", *named[1:3]]), year=2015).plans
    assert plan.sections and all(s.heading is None for s in plan.sections)  # (split, if at all, by kind alone)


def test_a_number_alone_on_its_line_heads_the_words_under_it():
    """A township health station's plan (corpus rw1258) sets each part's number alone ("一、") over its
    name ("目的與範圍"): the two are one heading, and the name gives the part its kind."""
    lines = ["溪口區衛生所志願服務運用計畫", "一、", "目的與範圍",
             "為結合社區熱心人士投入公共衛生服務，推廣志願服務精神，特訂定本計畫。", "二、", "經費來源",
             "本計畫所需經費由本所年度預算項下支應。"]
    (plan,) = planparse.parse("\n".join(lines), year=2024).plans
    assert [s.heading.text for s in plan.sections] == ["一、目的與範圍", "二、經費來源"]
    assert plan.sections[1].kind == "safeguards"


def test_parts_named_for_days_of_the_week_are_the_schedule():
    """A department's one-week plan (corpus rw1255): "一、周一：版本准备与用例评审" … "四、周末：线上值守"."""
    lines = ["测试部一周工作计划", "一、周一：版本准备与用例评审", "参加版本启动会，确认本周提测范围。",
             "二、周二至周四：功能测试与缺陷跟踪", "按模块执行测试用例，每日下班前同步缺陷状态。",
             "三、周五：回归测试与上线评估", "完成回归测试，输出测试报告。"]
    (plan,) = planparse.parse("\n".join(lines), year=2025).plans
    assert [s.kind for s in plan.sections] == ["schedule"] * 3


def test_a_month_after_a_week_in_a_schedule_is_its_sibling():
    """"第9周（4月22日—4月26日）：……" then "5月：……" (corpus rw71): the month is the schedule's next
    row, not the week's child; weeks under a month stay its children."""
    rows = ["四、主要活动安排", "第5周（3月25日—3月29日）：开展青春期心理健康讲座。", "第9周（4月22日—4月26日）：期中考试复习。",
            "5月：五四青年节前组织演讲比赛。", "6月中旬：生物、地理会考考前动员。"]
    (plan,) = planparse.parse("\n".join(["初二（3）班2019年春季班主任工作计划"] + rows)).plans
    (schedule,) = plan.sections
    assert [s.heading.text for s in schedule.sections] == ["第5周（3月25日—3月29日）：", "第9周（4月22日—4月26日）：",
                                                           "5月：", "6月中旬："]
    months = ["九月：", "第1周：召开开学典礼。", "第2周：开展行为规范教育。", "十月：", "第6周：举行秋季运动会。"]
    (plan,) = planparse.parse("\n".join(["2024年秋季德育工作计划", "一、工作安排"] + months)).plans
    assert [len(s.sections) for s in plan.sections[0].sections] == [2, 1]


def test_a_department_heading_holds_the_departments_work():
    """"一、办公室", "二、登记注册股" (corpus rw25, rw243, rw295): each department's dated items are
    its tasks, not a schedule, whatever cue word its name holds; a 领导小组 is still safeguards."""
    lines = ["2024年县市场监管局工作计划", "一、办公室", "（一）3月底前修订内部管理制度。", "（二）11月组织一次业务知识测试。",
             "二、后勤保障科", "（一）4月完成食堂改造。", "（二）9月开展消防演练。",
             "三、組織聯絡部", "（一）5月召开联络员会议。", "（二）10月走访基层组织。",
             "四、领导小组", "局长任组长，各股室负责人为成员。"]
    (plan,) = planparse.parse("\n".join(lines), year=2024).plans
    assert [(s.heading.title, s.kind) for s in plan.sections] == [
        ("办公室", "tasks"), ("后勤保障科", "tasks"), ("組織聯絡部", "tasks"), ("领导小组", "safeguards")]
    offices = ["2024年青山镇工作计划", "一、民政和社会保障办：春节前走访慰问辖区困难群众。", "二、应急办：负责安全生产和消防安全检查。",
               "三、生活保障委员会：五一前后评选职工信赖的班组食堂。"]  # corpus rw252, rw287, rw397
    (plan,) = planparse.parse("\n".join(offices), year=2024).plans
    assert [s.kind for s in plan.sections] == ["tasks", "tasks", "tasks"]


def test_a_part_on_how_a_past_year_went_is_the_situation():
    """"一、2024年度公司总体经营情况" and "二、2024年度董事会日常工作情况" in a board's report that closes
    with its 2025 plan (corpus rw1825): how the year past went, not tasks; the plan's own part stays tasks."""
    (plan,) = planparse.parse_file(Path(__file__).parent.parent / "corpus" / "docs" / "rw1825.txt").plans
    assert [(s.heading.title if s.heading else None, s.kind) for s in plan.sections][1:] == [
        ("2024年度公司总体经营情况", "situation"), ("2024年度董事会日常工作情况", "situation"), ("2025年度董事会工作计划", "tasks")]


def test_a_directive_to_every_department_after_their_work_is_the_plans_safeguards():
    """"各科室要对照本计划……" after the last department's items (corpus rw169, rw205, rw267) is a part of
    the plan's own; under a 保障措施 heading it stays where it is. "以上是我……的计划" closes a plan."""
    lines = ["2024年县人民医院工作计划", "一、医务科", "（一）3月开展病历质量检查。", "（二）9月组织技能比武。",
             "二、护理部", "（一）5月举办护士节表彰会。", "（二）10月开展护理安全检查。"]
    directive = "各科室要对照本计划细化分解任务，明确责任人和完成时限，每月底前将进展报院办公室。"
    (plan,) = planparse.parse("\n".join(lines + [directive]), year=2024).plans
    assert [(s.heading.title if s.heading else s.text, s.kind) for s in plan.sections][-1] == (directive, "safeguards")
    (plan,) = planparse.parse("\n".join(lines + ["三、保障措施", directive]), year=2024).plans
    assert plan.sections[-1].heading.title == "保障措施" and directive in plan.sections[-1].text
    own = ["2024年个人工作计划", "一、加强学习", "每月读一本专业书。", "二、做好本职", "按时完成科室交办的各项任务。",
           "以上是我2024年的个人工作计划，我将以此为目标，脚踏实地、扎实工作。"]
    (plan,) = planparse.parse("\n".join(own), year=2024).plans
    assert (plan.sections[-1].heading, plan.sections[-1].kind) == (None, "closing")


def test_a_lead_in_to_every_departments_work_announces_tasks_not_a_schedule():
    """"各车间工作安排：" over each workshop's dated items (corpus rw321, rw323) announces their work;
    "各月工作安排" over the months is a schedule."""
    lines = ["2024年公司工会工作计划", "一、指导思想", "坚持服务职工。", "各车间工作安排：", "一、冲压车间",
             "（一）3月开展技能比武。", "（二）6月开展安全月活动。", "二、装配车间", "（一）4月开展质量月活动。",
             "（二）9月开展合理化建议征集。"]
    (plan,) = planparse.parse("\n".join(lines), year=2024).plans
    assert {s.kind for s in plan.sections[1:]} == {"tasks"}
    months = ["2024年社区工作计划", "一、主要工作", "开展邻里互助。", "二、各月工作安排", "1、3月：开展学雷锋活动。",
              "2、5月：开展母亲节活动。", "3、9月：开展敬老月活动。"]
    (plan,) = planparse.parse("\n".join(months), year=2024).plans
    assert plan.sections[-1].kind == "schedule"


def test_a_tables_title_after_the_last_part_heads_a_part_of_its_own():
    """"重点工作时间表" over a table's rows after the plan's last numbered part (corpus rw17, rw50,
    rw147): a part of the plan, its schedule, not the last item's text; "重点工作" alone is still
    its stock heading."""
    lines = ["2024年学校办公室工作计划", "一、工作目标", "全面提升服务水平。", "二、重点工作", "1、3月修订制度。",
             "2、做好档案整理，年底前完成归档。", "重点工作时间表", "时间 | 工作内容 | 责任部门", "3月 | 修订制度 | 办公室",
             "12月 | 档案归档 | 档案室"]
    (plan,) = planparse.parse("\n".join(lines), year=2024).plans
    assert [(s.heading.title, s.kind) for s in plan.sections][-1] == ("重点工作时间表", "schedule")
    from planparse.headings import detect_heading

    assert detect_heading("重点工作").title == "重点工作" and detect_heading("重点工作要抓好三件事") is None


def test_item_numbers_that_restart_under_a_schedules_next_month_stay_in_one_plan():
    """A union's year of sports by month (corpus rw247): items numbered on across 3月 and 4月
    ("1、棋牌赛", "2. 趣味性比赛"), then "1、第一阶段……" under 9月's "一、……": one plan, not two."""
    lines = ["校工会2019年主要文、体活动工作计划", "3月", "一、三八节组织女教职工健步走活动。",
             "二、举办全校教职工体育文化节:(3月11日—29日 )", "1、 棋牌赛(掼蛋、象棋、围棋、五子棋);", "4月",
             "2. 趣味性比赛 (4月20日);", "3. 全校教职工田径运动会 (4月25日—26日)", "9月",
             "一、举办“园丁杯”教职工篮球比赛。(9月10日—27日)", " 1、第一阶段为小组循环赛", " 2、第二阶段为交叉淘汰赛",
             "10月", "一、重阳节组织离退休教职工登高望远活动。"]
    doc = planparse.parse("\n".join(lines), year=2019)
    assert [(p.title, p.first, p.last) for p in doc.plans] == [(lines[0], 1, 14)]


def test_items_numbered_on_across_parts_start_again_under_the_plans_next_part_in_one_plan():
    """Items numbered on from one part to the next ("3." under 二、 after "1.", "2." under 一、; corpus
    rw479), then "1." right under the plan's next part "三、保障措施": the plan's next part, not a
    next plan."""
    lines = ["护理部2025年护理工作计划", "一、护理质量管理", "1.完善三级质控网络，每月开展一次全院护理质量督查。",
             "2.规范护理文书书写，质控护士每周抽查运行病历。", "二、护理人员培训", "3.新护士岗前培训时间不少于两周。",
             "三、保障措施", "1.加强组织领导，护理部主任为第一责任人。", "2.严格督导考核，督查结果纳入科室质量考核。"]
    doc = planparse.parse("\n".join(lines), year=2025)
    assert [(p.title, p.first, p.last) for p in doc.plans] == [(lines[0], 1, 9)]


def test_a_title_like_line_between_a_plans_fourth_and_fifth_parts_is_the_plans():
    """"开学前四周团务安排" over a table's rows between 四、 and 五、 (corpus rw296): the plan's
    numbering goes on under it, so it is no next plan's title."""
    lines = ["2024年秋季学期校团委工作计划", "一、指导思想", "坚持立德树人。", "二、工作目标", "参学率保持在95%以上。",
             "三、重点工作", "深化主题教育。", "四、月度安排", "九月：完成组织关系转接。", "开学前四周团务安排",
             "周次 | 日期 | 工作内容", "第1周 | 9.2-9.6 | 团支部换届", "五、工作要求", "各团支部要明确专人负责。"]
    doc = planparse.parse("\n".join(lines), year=2024)
    assert [p.title for p in doc.plans] == [lines[0]]
    assert [s.heading.title for s in doc.plans[0].sections][-1] == "工作要求"


@pytest.mark.parametrize("last", [
    "以上计划请各分工会结合实际抓好落实，工作中遇到的问题及时向工会委员会反映。",  # corpus rw252
    "写完发现好像也不算多，年底再回来对账。共勉！",  # rw315
    "希望全体员工积极参与，牢固树立安全责任意识。",  # rw455
    "计划写下来容易，坚持下去难，学期结束后我会再写一篇总结。",  # rw417
    "本计划自印发之日起执行，由工会办公室负责解释。",  # rw116
    "本计划在执行中将根据上级要求和单位实际适时调整。",  # rw835
    "以上如有疑问，请与工会办公室联系。",  # rw553
    "就这些，年底再来对照。",  # rw671
    "总的来说，今年的工会工作要突出服务职工这个重点。",  # rw697
    "新的学期，让我们家园携手，陪伴孩子健康快乐成长！",  # rw764
    "以上培训计划，请各位成员认真落实。谢谢大家！",  # rw480
    "各位代表！新的一年，任务艰巨，使命光荣，让我们团结一心，把各项工作落到实处。",  # rw485
    "以上计划会根据园里的安排随时调整，做不到的地方，写总结的时候再说明。",  # rw326
    "通过以上安排，工会工作能够与单位中心工作同频推进。",  # rw1185
    "写下来不等于做得到，明年今天再回来看。",  # rw871
    "敬祝全体会员身体健康、阖家幸福！",  # rw246
])
def test_closing_words_after_the_last_part_close_the_plan(last):
    """The plan's last paragraph after its last numbered item, in closing words ("以上计划请……",
    "希望全体……", "……共勉！"), is the plan's closing, not the item's."""
    lines = ["2024年工会工作计划", "一、主要工作", "1、3月组织女职工健康讲座。", "2、5月举办职工趣味运动会。"]
    (plan,) = planparse.parse("\n".join([*lines, last]), year=2024).plans
    assert (plan.sections[-1].heading, plan.sections[-1].kind, plan.sections[-1].text) == (None, "closing", last)


@pytest.mark.parametrize("name", ["写在最后", "后记", "尾声"])
def test_a_closing_part_named_as_such_after_unnumbered_parts_is_the_closing(name):
    """A blog's plan in parts named by short lines, then "写在最后" (corpus rw217, rw333, rw555) over its
    last words: a part of its own, the closing, not the last part's text."""
    lines = ["我的2025年读书计划", "一、读什么", "全年读完二十四本书，文学和历史各占一半。", "二、怎么读",
             "每天睡前读半小时，每月写一篇读书笔记。", name, "计划定得不算高，能坚持下来就好，年底再回来看看。"]
    (plan,) = planparse.parse("\n".join(lines), year=2025).plans
    assert [(s.heading.text if s.heading else None, s.kind) for s in plan.sections][-1] == (name, "closing")


def test_the_plans_numbering_after_a_schedules_months_goes_on_at_the_top():
    """"六、保障措施" after a schedule's "12月：……" rows (corpus rw527, a sharing site that hid the
    fourth and fifth parts) is the plan's next part, not a part of December; "一、……" numbered anew
    under each month (rw247) stays the month's."""
    lines = ["一、指导思想", "坚持以人民健康为中心。", "二、重点工作", "（一）提升服务能力", "1．建成治未病中心，开设膏方门诊。", "2．第二季度完成院感防控专项督查。",
             "11月：开展年度医德医风考评。", "12月：完成年度绩效考核。", "六、保障措施", "（一）加强组织领导。成立工作推进小组。"]
    (plan,) = planparse.parse("\n".join(lines), year=2024).plans
    assert [s.heading.number for s in plan.sections if s.heading] == ["一", "二", "六"]
    assert [a.when.start.month for a in plan.activities] == [4, 11, 12]
    months = ["3月", "一、三八节组织女教职工健步走活动。", "4月", "一、举办教职工太极拳展示。", "二、举办趣味性比赛。"]
    (plan,) = planparse.parse("\n".join(months), year=2019).plans
    assert [[c.heading.number for c in s.sections] for s in plan.sections] == [["一"], ["一", "二"]]


def test_a_decimal_item_wrapped_at_a_pdfs_width_keeps_its_place_under_its_part():
    lines = ["3. 关怀与互助：", "3.1 农历新年前走访各区退休会员，致送慰问金及年货",
             "3.2 第四季度检讨会员互助基金章程，研究提高病患会员的援助额",
             "3.3 12月上旬举办退休会员联谊午宴，邀请会员眷属一同出席",
             "3.4 设立会员急难援助快速处理程序，申请个案须于十四天内完成审", "批"]
    (plan,) = planparse.parse("\n".join(lines), year=2025).plans  # a crash once: the item's number alone
    (part,) = plan.sections  # reads as a heading only beside its neighbours
    assert [s.heading.number for s in part.sections] == ["3.1", "3.2", "3.3", "3.4"]
    assert part.last == 6


@pytest.mark.parametrize("opening,children,kind", [
    ("20xx年委机关工会工作指导思想：“三个代表”重要思想和科学发展观为指导，认真贯彻……", 0, "ideology"),  # (the seed's second plan)
    ("2024年工会工作目标是：全年发展会员120名，建成职工书屋2个。", 0, "goals"),
    ("2025年公司主要经营目标如下：", 3, "tasks"),  # a lead-in over its items: a run of items with no heading
    ("为丰富职工业余文化生活，增强凝聚力，特制定本计划。", 0, None),  # no label before a colon: the model decides
    ("党建工作：坚持每月召开一次支委会。", 0, None),  # a label that names no kind
    ("关于本班十月份的工作安排如下：", 0, None),  # a lead-in announcing what follows names no kind of its own
])
def test_a_headless_paragraph_that_names_its_kind_before_a_colon(opening, children, kind):
    from planparse.classifier.features import SectionView
    from planparse.kinds import rule_kind

    got = rule_kind(SectionView(title="", style="none", opening=opening, n_children=children))
    assert (got[0] if got else None) == kind


@pytest.mark.parametrize("items,kind", [
    (["1、平时工作中注意加强品德课的备课工作，以提高课堂教学效果为目标。", "2、教学中积极开发综合的教学内容，注重与学生生活的联系。"], "tasks"),
    (["（一）“九九同心”集体生日会", "（二）“巧手插花”体验课", "（三）秋季登山健步走"], None),  # events named: the model reads them
])
def test_a_schedule_heading_over_untimed_items_holds_tasks_only_when_they_are_set_out_in_clauses(items, kind):
    """"三、活动安排" over items with no time at all (the seed's ninth plan; corpus rw121, rw213): items
    that set tasks out are tasks, items that only name events are left to the model."""
    from planparse.classifier.features import view_of
    from planparse.kinds import rule_kind

    doc = planparse.parse("\n".join(["2024年工会工作计划", "一、指导思想", "以服务职工为宗旨。", "二、活动安排", *items]))
    plan = doc.plans[0]
    sec = next(s for s in plan.sections if s.heading and s.heading.title == "活动安排")
    got = rule_kind(view_of(sec, 1, len(plan.sections), plan.sections[0], None))
    assert (got[0] if got else None) == kind


@pytest.mark.parametrize("paragraph, nested", [
    ("全年发展学生党员8至10名，确定入党积极分子30名左右。", False),  # corpus rw837: the goals said, the parts begin
    ("为实现上述目标，重点抓好以下几项工作：", True),  # a lead-in: the parts are its list
], ids=["said", "lead-in"])
def test_numbered_parts_after_a_labelled_paragraph_stand_beside_it_unless_it_leads_into_them(paragraph, nested):
    """"目标要求：" and its paragraph, then "一、思想建设", "二、组织建设": the plan's own parts at the top,
    not the goals' items — unless the paragraph ends leading into them."""
    text = ["总体思路：", "以习近平新时代中国特色社会主义思想为指导，全面加强支部建设。", "目标要求：", paragraph,
            "一、思想建设", "3月下旬由支部书记讲授专题党课。", "二、组织建设", "4月中旬召开支部党员大会。"]
    top = [s.heading.text for s in planparse.parse("\n".join(text)).plans[0].sections]
    assert top == (["总体思路：", "目标要求："] if nested else ["总体思路：", "目标要求：", "一、思想建设", "二、组织建设"])


def test_a_list_numbered_as_the_plans_parts_nests_under_a_decimal_part_or_a_bare_heading():
    """A bank's plan (corpus rw1313) numbers its parts "1.", "2.", their sections "1.1", and the lists
    in those sections "1.", "2." again; its schedule's months are "1. 7月：" right under "4. 进度安排".
    Each list stays where it stands, and the plan's parts go on at the top where their numbers do."""
    lines = ["1. 工作总结与形势分析", "1.1 上半年工作回顾", "1. 客户拓展：", "新增有效客户412户。", "2. 存款与资产：",
             "各项存款余额达到23.6亿元。", "2. 下半年工作目标", "2.1 总体目标", "力争综合考核进入分行前五名。",
             "3. 进度安排", "1. 7月：完成半年考核。", "2. 8月：开展代发专项营销。", "4. 保障措施", "加强合规管理。"]
    (plan,) = planparse.parse("\n".join(lines), year=2025).plans
    assert [s.heading.number for s in plan.sections] == ["1", "2", "3", "4"]
    assert [[c.heading.number for c in s.sections] for s in plan.sections[0].sections] == [["1", "2"]]
    assert [s.heading.number for s in plan.sections[2].sections] == ["1", "2"]
    assert [s.kind for s in plan.sections] == ["situation", "goals", "schedule", "safeguards"]


def test_a_field_with_its_value_over_the_first_part_holds_no_part():
    """"主辦單位：圖書館" over "一、活動說明" (corpus rw1317): a field of the plan's record, not a heading
    whose parts follow; "目标要求：" alone over its list still leads into it."""
    lines = ["主辦單位：圖書館、教學創新中心", "一、活動說明", "以問題導向學習的方式組成社群。", "二、參賽資格", "本校在學學生。"]
    top = [s.heading.text for s in planparse.parse("\n".join(lines)).plans[0].sections if s.heading]
    assert top == ["主辦單位：", "一、活動說明", "二、參賽資格"]


def test_question_marks_a_page_wrote_for_its_indentation_are_no_words_of_the_line():
    """A mirror site whose encoding lost the full-width spaces that indent each paragraph, "??" in their place
    (corpus rw1753): the headings under them are headings and the plan's title its title."""
    text = "??鏡川市防治慢性病中長期規劃(2018—2025年)\n??為推進慢性病綜合防控,制定本規劃。\n??一、規劃背景\n" \
           "??近年來,我市堅持預防為主、防治結合。\n??二、總體要求\n??(一)指導思想。\n??以人民健康為中心。\n"
    doc = planparse.parse(text, year=2018)
    assert [p.title for p in doc.plans] == ["鏡川市防治慢性病中長期規劃(2018—2025年)"]
    assert [s.heading.text for s in doc.plans[0].sections if s.heading] == ["一、規劃背景", "二、總體要求"]
