# ruff: noqa: E501
"""Catalogue entries for the classroom lessons (:mod:`ui.lessons`) and the
glossary (:mod:`ui.glossary`), merged into :data:`ui.i18n.CATALOG`.

Keys:

* per lesson ``<id>`` (:data:`ui.lessons.LESSONS`): ``lesson.<id>.title``;
  ``lesson.<id>.question`` (the question to the class, saying what to guess
  and in what unit; no placeholder, it is shown before the reveal);
  ``lesson.<id>.explain`` (after the reveal; ``{answer}`` the answer as
  formatted for its kind: ``13.03%``, ``¥1,375.82``, ``37`` months, the text
  adding the unit); ``lesson.<id>.prompt1``, ``lesson.<id>.prompt2`` (two
  discussion prompts, no placeholder).
* the card's frame: ``lesson.guess_label.<kind>`` for each
  :data:`ui.lessons.GUESS_KINDS` (the guess input, in percent for ``rate``
  and ``share``, yuan, months); ``lesson.guess`` (the guess field's name, for
  notices); ``lesson.reveal`` (button); ``lesson.result`` (``{guess}``,
  ``{answer}``, ``{side}`` one of ``lesson.high`` / ``lesson.low`` /
  ``lesson.exact``, ``{off}`` how far, without a sign, from
  ``lesson.points`` (``{n}`` percentage points, for rates and shares),
  ``lesson.months_n`` (``{n}`` months) or an amount in yuan);
  ``lesson.changed`` (the page's inputs no longer the lesson's);
  ``lesson.why`` and ``lesson.discuss`` (headings over the explanation and
  the prompts); ``lesson.scan`` (the QR code's caption);
  ``lesson.inputs`` (the folded inputs).
* the list of lessons: ``lesson.list_title``, ``lesson.list_intro``,
  ``lesson.numbered`` (``{n}``, ``{title}``), ``lesson.start_class``,
  ``lesson.start_student``, ``lesson.student_link`` (``{url}``),
  ``lesson.handout`` (button: the printable handout), ``lesson.back`` (from
  the handout to the list), ``lesson.print_hint``.
* the glossary: ``gloss.title``, ``gloss.intro``, and per term
  (:data:`ui.glossary.GLOSSARY`) ``gloss.<term>.name`` and
  ``gloss.<term>.text`` (no placeholder).

The figures a text states are those of its lesson's scenario, each checked
against calc in ``tests/test_lessons.py``; the glossary's come from
``domain.md`` or the lessons.  Chinese uses full-width punctuation
(``tests/test_i18n.py``).
"""

from __future__ import annotations

__all__ = ["ZH", "EN"]

ZH: dict[str, str] = {
    # the list of lessons
    "lesson.list_title": "课堂：七节课",
    "lesson.list_intro": "每节课打开一个场景：先让学生猜，再揭晓答案、看看差了多少，然后一起讨论。",
    "lesson.numbered": "第 {n} 课：{title}",
    "lesson.start_class": "在投影上开始",
    "lesson.start_student": "学生视图",
    "lesson.student_link": "学生打开这个链接：{url}",
    "lesson.handout": "打印讲义",
    "lesson.back": "返回课程列表",
    "lesson.print_hint": "用浏览器的打印功能（Ctrl+P 或 ⌘P）打印这一页，或者另存为 PDF。",
    # the card
    "lesson.guess": "你的猜测",
    "lesson.guess_label.rate": "你猜的年化利率（%）",
    "lesson.guess_label.cost": "你猜一共多付多少（元）",
    "lesson.guess_label.months": "你猜要多少个月",
    "lesson.guess_label.share": "你猜占月收入的百分之几（%）",
    "lesson.reveal": "揭晓答案",
    "lesson.result": "你猜的是 {guess}，答案是 {answer}：{side} {off}。",
    "lesson.high": "比答案高",
    "lesson.low": "比答案低",
    "lesson.exact": "相差",
    "lesson.points": "{n} 个百分点",
    "lesson.months_n": "{n} 个月",
    "lesson.changed": "页面上的输入已经改动：上面的答案仍按这节课原来的场景计算。",
    "lesson.why": "为什么",
    "lesson.discuss": "讨论",
    "lesson.scan": "扫码在手机上打开",
    "lesson.inputs": "其他输入",
    # 1. 0.6% a month is not 7.2% a year
    "lesson.monthly_fee.title": "每月 0.6%，一年不是 7.2%",
    "lesson.monthly_fee.question": "¥10,000 的东西分 12 期，每期手续费 0.6%，按原价收。广告的算法是 0.6% × 12 = 7.2%。你猜：按还款算出来的名义年化利率（i × 12）是多少？填每年的百分数（%）。",
    "lesson.monthly_fee.explain": "名义年化利率是 {answer}，几乎是 7.2% 的两倍。每期还 ¥893.33，其中 ¥60 是手续费，一共 ¥720；可这 ¥60 一直按 ¥10,000 原价收，而你欠的钱每个月都在减少，平均下来一年里只借了大约一半的钱。让 12 笔还款折回今天正好等于 ¥10,000 的月利率 i，乘以 12 就是 {answer}（清华大学五道口金融学院算出的也是这个数）；按复利 (1+i)^12 − 1 算是 13.84%。",
    "lesson.monthly_fee.prompt1": "到第 12 期，你只欠大约 ¥833，却还要付 ¥60 手续费。这 ¥60 是你还欠的钱的百分之几？",
    "lesson.monthly_fee.prompt2": "商家为什么更愿意写“每月 0.6%”而不写年化利率？如果由你来定规则，分期广告该怎样写利率？",
    # 2. Huabei 3 / 6 / 12
    "lesson.huabei_periods.title": "花呗 3 期、6 期、12 期：哪个更贵？",
    "lesson.huabei_periods.question": "同一台 ¥3,999 的手机用花呗分期：3 期总手续费 2.5%，6 期 4.5%，12 期 8.8%，12 期的手续费是 3 期的三倍多。你猜：12 期的名义年化利率（i × 12）是多少？填每年的百分数（%）。",
    "lesson.huabei_periods.explain": "12 期的名义年化利率是 {answer}；3 期是 14.94%，6 期是 15.27%，相差并不大。12 期的总手续费（¥351.91）比 3 期（¥99.98）多得多，主要是因为借钱的时间长得多，而不是每年的价格高得多。比较不同期数，看年化利率；决定要不要分期，还要看一共多付多少钱、每月还不还得起。",
    "lesson.huabei_periods.prompt1": "既然年化利率差不多，什么时候选 3 期更合理？什么时候选 12 期？",
    "lesson.huabei_periods.prompt2": "“每期只要 ¥362.57”和“一共多付 ¥351.91”，哪种说法更让你想分期？为什么？",
    # 3. interest-free or a discount
    "lesson.free_vs_discount.title": "免息，还是全款立减？",
    "lesson.free_vs_discount.question": "一台 ¥3,999 的手机：花呗 12 期免息（手续费由商家承担），或者一次付清立减 5%，只要 ¥3,799.05。选免息，就放弃了 ¥199.95 的优惠。你猜：放弃这笔优惠，相当于名义年化利率（i × 12）多少？填每年的百分数（%）。",
    "lesson.free_vs_discount.explain": "放弃优惠相当于名义年化 {answer}。选免息，你今天拿到的是价值 ¥3,799.05 的东西，却要还 12 × ¥333.25 = ¥3,999：多出来的 ¥199.95 就是利息，而你欠的钱和有手续费的分期一样逐月减少。免息不等于免费：一次付清有优惠时，先把优惠折成年化利率，再和别的分期比。",
    "lesson.free_vs_discount.prompt1": "如果优惠只有 1%，或者改成 24 期免息，这个年化利率会变高还是变低？为什么？",
    "lesson.free_vs_discount.prompt2": "如果你手里有钱，存货币基金每年能赚 2%，你会选免息分期还是全款立减？",
    # 4. early repayment of a fee-based plan
    "lesson.early_repayment.title": "提前还清，反而更贵？",
    "lesson.early_repayment.question": "还是第 1 课那笔 ¥10,000 分 12 期、每期手续费 0.6% 的分期。到第 4 期你有钱了，把剩下的本金一次还清，可合同规定剩下 8 期的手续费照收。你猜：这样算，真实的名义年化利率（i × 12）是多少？填每年的百分数（%）。",
    "lesson.early_repayment.explain": "提前还清后，名义年化利率是 {answer}，比按期还完的 13.03% 高得多。手续费一分没少，还是 ¥720，可钱只借了 4 个月：同样的费用摊在更短的时间里，年化几乎翻了一倍。很多分期合同写明提前还款不退剩余手续费（《民法典》第 677 条说利息按实际借款期间计算，但“另有约定的除外”）。提前还款之前，先问清楚剩下的手续费怎么收。",
    "lesson.early_repayment.prompt1": "如果在第 2 期就还清，年化利率会更高还是更低？先猜，再在页面上试试。",
    "lesson.early_repayment.prompt2": "如果合同规定提前还款免收剩余手续费，提前还清划算吗？对贷款机构又意味着什么？",
    # 5. the minimum-payment trap
    "lesson.minimum_payment.title": "只还最低还款额：要还多久？",
    "lesson.minimum_payment.question": "信用卡欠了 ¥10,000，之后不再刷卡。每个月只还最低还款额：账单金额的 10%，最少 ¥100；没还的部分从消费当天起按每天 0.05%（日息万分之五）计息，按月计复利。你猜：要多少个月才能还清？填月数。",
    "lesson.minimum_payment.explain": "要 {answer} 个月才能还清，利息一共 ¥1,675.89。最低还款额跟着欠款一起变小，欠得越少还得越慢，直到最少 ¥100 这条线才把它还清；只要没有全额还款，整张账单都不再享受免息期。如果没有最低金额，按比例算的最低还款永远还不清。能全额还就全额还；还不了就尽量多还，或者改成利率写明的分期。",
    "lesson.minimum_payment.prompt1": "如果换成招行的规则（本金的 10% 加全部利息和费用），会更快还是更慢还清？在页面上换一下规则看看。",
    "lesson.minimum_payment.prompt2": "银行为什么把最低还款额定得这么低？这对谁有利？",
    # 6. borrowing to repay
    "lesson.rollover.title": "以贷养贷：借新还旧要多付多少？",
    "lesson.rollover.question": "你在备用金里借了 ¥10,000，等额本息 12 期，每天 0.05% 计息，每月还 ¥917.99；按时自己还，一共多付 ¥1,013.14。可前 6 个月你还不上，每月就用信用卡预借现金来还（每笔手续费 1%，最少 ¥10，每天 0.05% 计息，按月计复利）；第 7 个月起自己还，并一次还清信用卡那边的欠款。你猜：这 ¥10,000 一共要多付多少钱（利息加手续费，元）？",
    "lesson.rollover.explain": "一共要多付 {answer}，按时自己还只要 ¥1,013.14。多出来的是信用卡每笔 ¥10 的手续费和利滚利的利息；更要命的是，第 7 个月一次要还 ¥6,788.61。借新还旧没有让债务消失，只是把它搬到更贵的地方，再推到同一个月集中到期。监管部门把以贷养贷、以卡养卡列为债务陷阱。还不上的时候，应该直接找原来的贷款机构协商，而不是再借一笔。",
    "lesson.rollover.prompt1": "如果一直借新还旧到第 11 个月，会怎样？在页面上把月数改成 11 试试。",
    "lesson.rollover.prompt2": "第 7 个月一次要还 ¥6,788.61，你还有什么办法？第 1 个月还不上的时候，更好的选择是什么？",
    # 7. stacking installments against a student's income
    "lesson.stacking.title": "几笔分期叠在一起",
    "lesson.stacking.question": "一位学生每月有 ¥2,000 生活费，吃饭、交通等必要开支 ¥1,500。他同时在还：¥3,999 的手机花呗 12 期、¥1,200 的耳机花呗 6 期，还有欠同学的钱每月还 ¥300、还 6 个月。你猜：还款最多的那个月，还款占他月收入的百分之几？填百分数（%）。",
    "lesson.stacking.explain": "还款最多的那个月要还 ¥871.57，占收入的 {answer}。单看每一笔都不多（¥362.57、¥209、¥300），加在一起却超过了收入的 36%（全部负债还款的经验上限），付完必要开支还差 ¥371.57：前 6 个月每个月都入不敷出。叠在一起的分期要一起算：把每笔的月供和结束的月份列在一张表上，再决定要不要再分期。",
    "lesson.stacking.prompt1": "如果手机改分 24 期，每月还款变少了，问题就解决了吗？总成本和还款时间会怎样？",
    "lesson.stacking.prompt2": "美国消费者金融保护局 2025 年的报告说，63% 的“先买后付”用户同时有好几笔分期。为什么人们容易低估叠在一起的负担？",
    # the glossary
    "gloss.title": "术语表",
    "gloss.intro": "页面上用到的词；能用公式说清的，附上公式。",
    "gloss.fee_rate.name": "手续费率",
    "gloss.fee_rate.text": "每期手续费占本金的比例，例如“每期 0.6%”。分期的手续费通常按原始本金收，不随欠款减少而减少，所以每期费率 × 12（宣传费率）会低估真实成本：0.6% × 12 = 7.2%，名义年化利率却是 13.03%。",
    "gloss.apr.name": "年化利率（名义，i × 12）",
    "gloss.apr.text": "先求出每个计息周期的利率 i：按这个利率把每笔还款折回今天，加起来正好等于你拿到的钱。名义年化利率 = i × 一年的周期数（单利折算），是人行公告〔2021〕第3号允许、国内机构披露常用的口径，也是美国 Reg Z 附录 J 的 APR。计息周期按附录 J：分期和多次还款是一个月（i × 12）；一次借、一次还，周期就是借款期限（最长一年），所以 D 天按日利率 d 单利计息，年化就是 365 × d：¥10,000 按每天 0.07% 借 365 天，利息 ¥2,555.00，年化 25.55%；超过一年时周期为一年，借 730 天是 (1 + 730 × d)^½ − 1。本应用的“名义年化”“年化利率（单利，APR）”就是它。",
    "gloss.effective.name": "实际年利率（复利）",
    "gloss.effective.text": "把月利率 i 按复利折成一年：(1+i)^12 − 1，即人行的复利（内部收益率法）口径，也是欧盟的 APRC。它总比名义年化高一些：每期 0.6% × 12 期的例子是 13.84%，名义年化是 13.03%。本应用的“实际年化”就是它。",
    "gloss.irr.name": "内部收益率（IRR）",
    "gloss.irr.text": "让一串现金流的净现值等于零的利率：Σ CFₖ ÷ (1+i)^tₖ = 0。本应用把每种分期、贷款和备用金都写成一串现金流，用同一个方程解出月利率 i，再折成名义年化和实际年化。很多中文网页把 i × 12 也叫“IRR 年化”，所以看到“IRR”要问清是哪个公式。",
    "gloss.average_balance.name": "平均余额法",
    "gloss.average_balance.text": "总成本 ÷ Σ（每期未还本金 × 年数），是一些计算器用的经验算法。对按原始本金收费的分期，它等于 24 × 每期费率 × n ÷ （n + 1）：每期 0.6% × 12 期是 13.29%，和名义年化 13.03% 接近，但不相同。",
    "gloss.interest_free.name": "免息",
    "gloss.interest_free.text": "买家不付手续费的分期，手续费由商家或银行承担。可如果一次付清有优惠，选免息就放弃了这笔优惠，免息仍然有成本：¥3,999 花呗 12 期免息、放弃 5% 的优惠，相当于名义年化 9.58%。",
    "gloss.equal_payment.name": "等额本息",
    "gloss.equal_payment.text": "每月还款额相同，里面的利息越来越少、本金越来越多。月供 = 本金 × i ÷ （1 − (1+i)^−n），i 是月利率，n 是期数：¥10,000、年利率 18%、分 12 期，每月还 ¥916.80。按日计息的备用金（按日利率 d 报价）每期利息是剩余本金 × d × 本期实际天数，月供按月利率 d × 365 ÷ 12 算，最后一期多退少补：¥5,000 按每天 0.035%，第一期（30 天）利息 ¥52.50。",
    "gloss.equal_principal.name": "等额本金",
    "gloss.equal_principal.text": "每月还同样多的本金（本金 ÷ n），再加上当月剩余本金的利息（剩余本金 × i），所以第一期月供最高，以后逐月减少。因为本金还得早，总利息比等额本息少。",
    "gloss.interest_only.name": "先息后本",
    "gloss.interest_only.text": "每月只还利息（本金 × i），最后一期连本金一起还清。平时月供小，但最后一个月要一次拿出全部本金；本金一直没减少，所以总利息在几种还款方式里最多。",
    "gloss.flexible.name": "随借随还",
    "gloss.flexible.text": "随时借、随时还，按实际借款天数计息：利息 = 本金 × 日利率 × 天数（单利，没还的利息不再生息）。¥10,000 按每天 0.05% 计息、45 天后还清，利息 ¥225.00。",
    # issue 19 A (h1): the contract's simple rate beside the realised APR
    "gloss.contract_rate.name": "合同年化（单利）",
    "gloss.contract_rate.text": "按日利率报价的额度，合同写的年化利率是日利率 × 365（单利）：每天 0.05% 是 18.25%，每天 0.07% 是 25.55%。本应用把它放在实际的年化利率（APR）旁边；24% 红线和 4 倍 LPR 按两者中较高的衡量。借了没还清就没有实际年化，只显示“—”和合同年化。",
    # end of issue 19 A (h1)
    "gloss.cash_line.name": "备用金",
    "gloss.cash_line.text": "可以随时提取现金的信用额度，例如小米随星借、借呗、微粒贷。通常按日利率报价：“日息万5”就是每天 0.05%，合同年化（单利）18.25%。还款方式有等额本息、等额本金、先息后本和随借随还；按日计息的额度上，每期利息 = 剩余本金 × 日利率 × 本期实际天数（30 或 31 天）。",
    "gloss.cash_advance.name": "取现（预借现金）",
    "gloss.cash_advance.text": "用信用卡提取现金。没有免息期：从取现当天起按日计息（常见每天 0.05%），另收手续费（例如 1%，最少 ¥10）。取现 ¥5,000 用 30 天，手续费 ¥50、利息 ¥75：一次借、一次还，年化 = 125 ÷ 5,000 × 365 ÷ 30 = 30.42%。",
    "gloss.minimum_payment.name": "最低还款",
    "gloss.minimum_payment.text": "信用卡账单上最少要还的金额，常见是账单金额的 10% 加上到期的费用和分期。只还最低额不算逾期，但整张账单都不再免息，没还的部分从消费当天起按日计息（常见每天 0.05%）：欠 ¥10,000 每月只还最低（最少 ¥100），要 37 个月才还清。",
    "gloss.late_fee.name": "违约金",
    "gloss.late_fee.text": "到期没还够最低还款额时收的一笔费用，例如招行收未还最低还款额的 5%，最少 ¥10。它和罚息不同：违约金按次收，罚息按天算。",
    "gloss.penalty_interest.name": "罚息",
    "gloss.penalty_interest.text": "对逾期的钱按更高的利率计的利息，常见是合同利率的 1.5 倍。例如一期分期还款逾期：罚息 = 逾期金额 × 合同日利率 × 1.5 × 逾期天数。",
    "gloss.rollover.name": "以贷养贷",
    "gloss.rollover.text": "借一笔新的钱去还旧的欠款，例如用信用卡取现去还备用金，或者以卡养卡。欠款没有减少，反而多了手续费和利息，并被推到同一个月集中到期。监管部门把以贷养贷、多头借贷列为债务陷阱（原银保监会风险提示，2020 年和 2022 年）。",
    "gloss.rate_line_24.name": "24% 红线",
    "gloss.rate_line_24.text": "综合融资成本不超过年化 24% 的监管要求：助贷业务自 2025-10-01 起执行，小额贷款公司被要求立即停止新发放超过 24% 的贷款（国家金融监督管理总局 2025 年 4 月、人行和金融监管总局 2025 年 12 月，据媒体报道）。它按单利年化衡量：名义年化（APR），按日计息的额度再和合同年化（日利率 × 365）比，取较高的那个，所以超过红线的单利借款不会被说成没超过；本应用会标出超过它的方案。",
    "gloss.lpr.name": "LPR（贷款市场报价利率）",
    "gloss.lpr.text": "每月公布的贷款市场报价利率；一年期 LPR 自 2025-05-20 起为 3.00%。法院保护的民间借贷利率上限是一年期 LPR 的 4 倍：4 × 3.00% = 12.00%；持牌金融机构不受这条上限约束。",
    "gloss.debt_share.name": "负债收入比",
    "gloss.debt_share.text": "每月全部还款 ÷ 每月到手收入。达到 25% 就算有还款压力（英国财政研究所），超过 36% 偏高（全部负债的经验法则），超过 55% 是危险线（原银监会 2004 年的房贷指引）。本应用在每个页面都按还款最多的那个月来算。",
}

EN: dict[str, str] = {
    # the list of lessons
    "lesson.list_title": "Seven lessons for the classroom",
    "lesson.list_intro": "Each lesson opens a scenario: students guess first, then the answer is revealed with how far off they were, and the class discusses it.",
    "lesson.numbered": "Lesson {n}: {title}",
    "lesson.start_class": "Start on the projector",
    "lesson.start_student": "Student view",
    "lesson.student_link": "Students open: {url}",
    "lesson.handout": "Printable handout",
    "lesson.back": "Back to the lessons",
    "lesson.print_hint": "Print this page from the browser (Ctrl+P or ⌘P), or save it as a PDF.",
    # the card
    "lesson.guess": "Your guess",
    "lesson.guess_label.rate": "Your guess: the rate a year (%)",
    "lesson.guess_label.cost": "Your guess: how much more in total (¥)",
    "lesson.guess_label.months": "Your guess: how many months",
    "lesson.guess_label.share": "Your guess: the share of monthly income (%)",
    "lesson.reveal": "Reveal the answer",
    "lesson.result": "You guessed {guess}; the answer is {answer}: {side} {off}.",
    "lesson.high": "too high by",
    "lesson.low": "too low by",
    "lesson.exact": "off by",
    "lesson.points": "{n} percentage points",
    "lesson.months_n": "{n} months",
    "lesson.changed": "The inputs on the page have changed: the answer above is still for the lesson's own scenario.",
    "lesson.why": "Why",
    "lesson.discuss": "Discuss",
    "lesson.scan": "Scan to open on your phone",
    "lesson.inputs": "More inputs",
    # 1. 0.6% a month is not 7.2% a year
    "lesson.monthly_fee.title": "0.6% a month is not 7.2% a year",
    "lesson.monthly_fee.question": "A ¥10,000 purchase in 12 installments, with a fee of 0.6% of the original price each month. The ad multiplies: 0.6% × 12 = 7.2%. Guess the nominal APR (i × 12) the payments really come to: enter a percent a year.",
    "lesson.monthly_fee.explain": "The nominal APR is {answer}, almost twice 7.2%. Each installment of ¥893.33 carries ¥60 of fee, ¥720 in all, but the ¥60 is always charged on the original ¥10,000 while what you owe falls every month: over the year you borrow only about half the money on average. The monthly rate i at which the 12 payments, brought back to today, add up to exactly ¥10,000, times 12, is {answer} (Tsinghua PBCSF finds the same figure); compounded, (1+i)^12 − 1, it is 13.84%.",
    "lesson.monthly_fee.prompt1": "By installment 12 you owe only about ¥833, yet you still pay ¥60 of fee. What percent of what you owe is that ¥60?",
    "lesson.monthly_fee.prompt2": "Why would a shop rather write \"0.6% a month\" than a rate a year? If you made the rules, how would an installment ad have to state its rate?",
    # 2. Huabei 3 / 6 / 12
    "lesson.huabei_periods.title": "Huabei in 3, 6 or 12 installments: which costs more?",
    "lesson.huabei_periods.question": "The same ¥3,999 phone on Huabei: 3 installments cost 2.5% in total, 6 cost 4.5%, 12 cost 8.8%, more than three times the 3-installment fee. Guess the nominal APR (i × 12) of the 12-installment plan: enter a percent a year.",
    "lesson.huabei_periods.explain": "The 12-installment plan's nominal APR is {answer}; the 3-installment plan's is 14.94% and the 6-installment plan's 15.27%: not far apart. The 12-installment fee (¥351.91) is far above the 3-installment one (¥99.98) mainly because you borrow for much longer, not because a year of credit costs much more. To compare plans of different lengths, compare their rates a year; to decide whether to borrow at all, look at how much more you pay in total and whether each month fits your budget.",
    "lesson.huabei_periods.prompt1": "If the rates a year are so close, when do 3 installments make more sense, and when 12?",
    "lesson.huabei_periods.prompt2": "\"Only ¥362.57 a month\" or \"¥351.91 more in total\": which makes you more likely to buy on installments, and why?",
    # 3. interest-free or a discount
    "lesson.free_vs_discount.title": "Interest-free, or a discount for paying now?",
    "lesson.free_vs_discount.question": "A ¥3,999 phone: 12 interest-free installments on Huabei (the merchant pays the fee), or 5% off for paying in full, ¥3,799.05 today. Taking the free plan gives up ¥199.95 of discount. Guess the nominal APR (i × 12) that giving up the discount comes to: enter a percent a year.",
    "lesson.free_vs_discount.explain": "Giving up the discount comes to a nominal APR of {answer}. On the free plan you get goods worth ¥3,799.05 today and repay 12 × ¥333.25 = ¥3,999: the extra ¥199.95 is interest, while what you owe falls month by month just as on a plan with a fee. Interest-free is not free: when paying in full earns a discount, turn the discount into a rate a year before comparing plans.",
    "lesson.free_vs_discount.prompt1": "If the discount were only 1%, or the plan ran 24 months interest-free, would the rate be higher or lower? Why?",
    "lesson.free_vs_discount.prompt2": "With the money in hand and a money-market fund paying 2% a year, would you take the free plan or the discount?",
    # 4. early repayment of a fee-based plan
    "lesson.early_repayment.title": "Paying off early: cheaper, or dearer?",
    "lesson.early_repayment.question": "The same ¥10,000 in 12 installments at 0.6% a month as in lesson 1. With installment 4 you have the money and pay off everything still owed, but the contract still charges the fees of the 8 installments left. Guess the true nominal APR (i × 12) this way: enter a percent a year.",
    "lesson.early_repayment.explain": "Paid off early, the nominal APR is {answer}, far above the 13.03% of paying as scheduled. The fee is still the whole ¥720, but you borrowed for only 4 months: the same cost over a shorter time almost doubles the rate a year. Many installment contracts keep every remaining fee on early repayment (Civil Code Art. 677 says interest follows the actual period, \"unless agreed otherwise\"). Before paying off early, ask how the remaining fees are charged.",
    "lesson.early_repayment.prompt1": "Paid off with installment 2 instead, would the rate be higher or lower? Guess first, then try it on the page.",
    "lesson.early_repayment.prompt2": "If the contract waived the remaining fees, would paying off early pay? What would it mean for the lender?",
    # 5. the minimum-payment trap
    "lesson.minimum_payment.title": "Paying only the minimum: how long does it take?",
    "lesson.minimum_payment.question": "You owe ¥10,000 on a credit card and spend nothing more. Each month you pay only the minimum: 10% of the statement, at least ¥100; what is left pays 0.05% a day from the day of each purchase, compounded monthly. Guess how many months it takes to pay it off: enter a number of months.",
    "lesson.minimum_payment.explain": "It takes {answer} months, with ¥1,675.89 of interest. The minimum shrinks as the debt shrinks, so the less you owe the slower it falls, until the ¥100 floor finally clears it; and as long as a statement is not paid in full, the whole of it loses its interest-free period. With no floor at all, a percentage minimum would never clear the debt. Pay in full if you can; if not, pay as much as you can, or move the debt to an installment plan with a stated rate.",
    "lesson.minimum_payment.prompt1": "Under CMB's rule (10% of the principal plus all interest and fees), would it clear faster or slower? Switch the rule on the page and see.",
    "lesson.minimum_payment.prompt2": "Why would a bank set the minimum payment so low? Who gains from it?",
    # 6. borrowing to repay
    "lesson.rollover.title": "Borrowing to repay: what does it cost?",
    "lesson.rollover.question": "You borrowed ¥10,000 on a cash line, 12 equal payments of ¥917.99 with interest at 0.05% a day; paid on time, it costs ¥1,013.14 in all. But for the first 6 months you cannot pay, so you draw each payment as a credit-card cash advance (a 1% fee, at least ¥10, then 0.05% a day, compounded monthly); from month 7 you pay yourself and clear the card at once. Guess what the ¥10,000 costs in all, interest and fees, in yuan.",
    "lesson.rollover.explain": "It costs {answer} in all, against ¥1,013.14 paid on time. The difference is the card's ¥10 fee on every draw and its interest on interest; worse, month 7 asks for ¥6,788.61 at once. Borrowing to repay does not make the debt go away: it moves it somewhere dearer and piles it up in one month. Regulators name borrowing to repay (以贷养贷) and card to card (以卡养卡) a debt trap. When you cannot pay, talk to the original lender instead of borrowing again.",
    "lesson.rollover.prompt1": "What if you kept borrowing to repay until month 11? Set the months to 11 on the page and see.",
    "lesson.rollover.prompt2": "Month 7 asks for ¥6,788.61 at once: what else could you do? When month 1's payment could not be paid, what would have been better?",
    # 7. stacking installments against a student's income
    "lesson.stacking.title": "Several installments at once",
    "lesson.stacking.question": "A student lives on ¥2,000 a month, ¥1,500 of it for essentials such as food and transport. At the same time they are paying for a ¥3,999 phone on Huabei in 12 installments, ¥1,200 earbuds on Huabei in 6, and ¥300 a month for 6 months back to a classmate. Guess what share of their monthly income the repayments take in the heaviest month: enter a percent.",
    "lesson.stacking.explain": "In the heaviest month the repayments are ¥871.57, {answer} of income. No single one looks large (¥362.57, ¥209, ¥300), but together they pass 36% of income (the rule of thumb for all debt payments) and leave ¥371.57 short after essentials: every one of the first 6 months falls short. Installments taken one at a time must be added up: list every monthly payment and the month it ends before taking on another.",
    "lesson.stacking.prompt1": "If the phone went on 24 installments, the payment would fall: would that solve the problem? What happens to the total cost and to how long you pay?",
    "lesson.stacking.prompt2": "A 2025 CFPB report found that 63% of buy-now-pay-later users held several loans at once. Why do people underestimate how installments add up?",
    # the glossary
    "gloss.title": "Glossary",
    "gloss.intro": "The words the pages use, each with its formula where it has one.",
    "gloss.fee_rate.name": "Fee rate (手续费率)",
    "gloss.fee_rate.text": "The fee per installment as a share of the amount financed, e.g. \"0.6% an installment\". Installment fees are usually charged on the original principal and do not fall as you repay, so the fee rate × 12 (the advertised rate) understates the cost: 0.6% × 12 = 7.2%, while the nominal APR is 13.03%.",
    "gloss.apr.name": "Nominal APR (年化利率, i × 12)",
    "gloss.apr.text": "First find the rate i per unit period at which every payment, brought back to today, adds up to exactly what you received. The nominal APR is i × unit periods a year (simple), the form PBoC Announcement [2021] No. 3 allows and Chinese lenders disclose, and the US Reg Z App. J APR. The unit period follows App. J: a month for installments and several payments (i × 12); for one draw repaid at once, the term, at most a year, so D days of simple daily interest at d give 365 × d: ¥10,000 at 0.07% a day for 365 days costs ¥2,555.00, 25.55% a year; beyond a year the unit period is a year, and 730 days give (1 + 730 × d)^½ − 1. The app's \"APR\" is this rate.",
    "gloss.effective.name": "Effective annual rate (实际年利率)",
    "gloss.effective.text": "The monthly rate i compounded over a year: (1+i)^12 − 1, the PBoC's compound (IRR) form and the EU's APRC. It is always a little above the nominal APR: 13.84% against 13.03% for 0.6% × 12. The app's \"Effective\" rate is this one.",
    "gloss.irr.name": "Internal rate of return (IRR)",
    "gloss.irr.text": "The rate at which a series of cash flows has a net present value of zero: Σ CFₖ ÷ (1+i)^tₖ = 0. The app writes every plan, loan and cash line as one series of cash flows, solves this one equation for the monthly rate i, then states it as a nominal APR and an effective rate. Many Chinese pages call i × 12 the \"IRR rate\" too, so when you see \"IRR\", ask which formula is meant.",
    "gloss.average_balance.name": "Average-balance rate (平均余额法)",
    "gloss.average_balance.text": "Total cost ÷ Σ(balance outstanding × years), a rule of thumb some calculators use. For a fee on the original principal it comes to 24 × fee rate × n ÷ (n + 1): 13.29% for 0.6% × 12, close to the nominal APR of 13.03% but not the same.",
    "gloss.interest_free.name": "Interest-free (免息)",
    "gloss.interest_free.text": "An installment plan whose fee the buyer does not pay: the merchant or the bank pays it. But when paying in full earns a discount, the free plan gives it up, so interest-free still has a cost: 12 free installments on a ¥3,999 phone instead of 5% off come to a nominal APR of 9.58%.",
    "gloss.equal_payment.name": "Equal payments (等额本息)",
    "gloss.equal_payment.text": "The same payment every month; the interest in it falls and the principal rises. Payment = principal × i ÷ (1 − (1+i)^−n), with i the monthly rate and n the number of payments: ¥10,000 at 18% a year over 12 months pays ¥916.80 a month. On a cash line priced at a daily rate d, each statement's interest is the principal owed × d × its actual days, the payment is worked out at the monthly rate d × 365 ÷ 12, and the last payment absorbs the difference: ¥5,000 at 0.035% a day pays ¥52.50 of interest on its first, 30-day statement.",
    "gloss.equal_principal.name": "Equal principal (等额本金)",
    "gloss.equal_principal.text": "The same principal every month (principal ÷ n) plus the month's interest on what is still owed (balance × i), so the first payment is the largest and each one after is smaller. Since the principal is repaid sooner, it costs less interest in total than equal payments.",
    "gloss.interest_only.name": "Interest only (先息后本)",
    "gloss.interest_only.text": "Each month pays only the interest (principal × i); the last payment repays the whole principal with it. The monthly payments are small, but the last month needs the whole principal at once, and since the principal never falls, the total interest is the largest of the repayment methods.",
    "gloss.flexible.name": "Repay any day (随借随还)",
    "gloss.flexible.text": "Borrow and repay on any day, with interest by the day: interest = principal × daily rate × days (simple: unpaid interest earns no interest). ¥10,000 at 0.05% a day repaid after 45 days costs ¥225.00.",
    # issue 19 A (h1): the contract's simple rate beside the realised APR
    "gloss.contract_rate.name": "Contract rate (合同年化, simple)",
    "gloss.contract_rate.text": "On a line priced by the day, the annual rate the contract states is the daily rate × 365 (simple): 0.05% a day is 18.25%, 0.07% a day 25.55%. The app shows it beside the realised APR, and holds the 24% line and 4 × LPR against the higher of the two. A draw not paid off has no realised rate: the app shows “—” and the contract rate.",
    # end of issue 19 A (h1)
    "gloss.cash_line.name": "Cash line (备用金)",
    "gloss.cash_line.text": "A credit line you can draw cash from at any time, such as Xiaomi Suixingjie, Jiebei or Weilidai. It is usually priced by the day: \"日息万5\" is 0.05% a day, a contract rate of 18.25% a year (simple). It is repaid by equal payments, equal principal, interest only, or on any day; on a line priced by the day each statement's interest is the principal owed × the daily rate × the statement's actual days (30 or 31).",
    "gloss.cash_advance.name": "Cash advance (取现)",
    "gloss.cash_advance.text": "Drawing cash on a credit card (预借现金). There is no interest-free period: interest runs by the day from the day of the draw (commonly 0.05% a day), plus a fee (e.g. 1%, at least ¥10). ¥5,000 for 30 days costs a ¥50 fee and ¥75 of interest: one draw, one repayment, so 125 ÷ 5,000 × 365 ÷ 30 = 30.42% a year.",
    "gloss.minimum_payment.name": "Minimum payment (最低还款)",
    "gloss.minimum_payment.text": "The least a card statement lets you pay, commonly 10% of the statement plus the fees and installments due. Paying only the minimum is not late, but the whole statement loses its interest-free period and what is left pays interest by the day from each purchase (commonly 0.05% a day): ¥10,000 paid by the minimum (at least ¥100) takes 37 months to clear.",
    "gloss.late_fee.name": "Late fee (违约金)",
    "gloss.late_fee.text": "A charge for paying less than the minimum by the due date, e.g. CMB's 5% of the unpaid minimum, at least ¥10. It is not penalty interest: a late fee is charged once for each late payment, penalty interest by the day.",
    "gloss.penalty_interest.name": "Penalty interest (罚息)",
    "gloss.penalty_interest.text": "Interest at a higher rate on money overdue, commonly 1.5 times the contract rate. For an overdue installment: penalty interest = amount overdue × contract daily rate × 1.5 × days late.",
    "gloss.rollover.name": "Borrowing to repay (以贷养贷)",
    "gloss.rollover.text": "Borrowing anew to repay what you owe, e.g. a card cash advance to pay a cash line, or one card to pay another. The debt does not shrink: it gains fees and interest and comes due later, all in one month. Regulators name borrowing to repay and borrowing from many lenders a debt trap (CBIRC alerts, 2020 and 2022).",
    "gloss.rate_line_24.name": "The 24% line (24% 红线)",
    "gloss.rate_line_24.text": "The rule that the comprehensive financing cost stay at or below 24% a year: for loan facilitation from 2025-10-01, and micro-lenders told to stop new loans above it at once (NFRA 2025-04 and PBoC + NFRA 2025-12, as reported by the press). It is held against a simple annual rate: the nominal APR, and on a line priced by the day the contract rate (daily rate × 365) if that is higher, so a simple-interest loan above the line is never called below it; the app flags every plan above it.",
    "gloss.lpr.name": "LPR (loan prime rate)",
    "gloss.lpr.text": "The loan prime rate, published every month; the one-year LPR has been 3.00% since 2025-05-20. Courts protect private lending only up to 4 times the one-year LPR: 4 × 3.00% = 12.00%; licensed lenders are not bound by that cap.",
    "gloss.debt_share.name": "Debt-to-income share (负债收入比)",
    "gloss.debt_share.text": "All monthly debt payments ÷ monthly take-home income. 25% or more is repayment pressure (UK IFS), above 36% is high (the rule of thumb for all debt), above 55% is the danger line (CBRC's 2004 mortgage guideline). The app takes the heaviest month on every page.",
}
