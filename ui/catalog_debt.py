# ruff: noqa: E501
"""Catalogue entries for the over-indebtedness warnings (:mod:`calc.warnings`),
merged into :data:`ui.i18n.CATALOG`.

Keys:

* ``warn.<code>``: what fired, with its numbers and the line crossed;
  ``warn.<code>.no_apr`` where a rule may fire on a debt whose simple rate is
  not known; ``warn.<code>.do``: one practical thing to do.
* ``source.<id>``: a short title of each source (``domain.md`` §3);
  ``grade.<A|B|C>``: the evidence grade in words.
* ``warn.*``: the frame around them (severity labels, the source line).

Placeholders (formatted by :func:`ui.advice.warning_texts`): ``{name}`` the
obligation's name; ``{line}`` the threshold crossed; ``{share}``, ``{apr}``
(``i × 12``), ``{eff}`` (compounded), ``{lpr}`` as percentages; ``{payments}``,
``{income}``, ``{shortfall}``, ``{balance}``, ``{annual_income}``, ``{limit}``
in yuan; months (numbered from 1) and counts as integers; ``{date}`` the LPR's
date.  Each line is worded as its source words it: 25% fires at "or more",
the other lines only above.  No text here holds ``[`` or ``]`` (the action and
source lines are drawn inside ``:small[...]``) nor markdown markup.
"""

from __future__ import annotations

__all__ = ["ZH", "EN"]

ZH: dict[str, str] = {
    # what fired: danger
    "warn.debt_share_limit": "第 {month} 个月的还款 {payments} 占月收入 {income} 的 {share}，超过“全部月供不超过收入 {line}”的上限。",
    "warn.money_short_repeated": "从第 {first_month} 个月起的 {window} 个月里，有 {months_short} 个月收入不够支付必要开支和还款：{window} 个月中有 {line} 个月还不上款，就算过度负债。",
    "warn.rollover": "“{name}”靠从另一个额度借钱来还（以贷养贷）：监管部门把以贷养贷列为债务陷阱。",
    # caution
    "warn.debt_share_high": "第 {month} 个月的还款 {payments} 占月收入 {income} 的 {share}，负担已经很重：超过“全部负债还款不超过收入 {line}”的经验法则。",
    "warn.debt_share_pressure": "第 {month} 个月的还款 {payments} 占月收入 {income} 的 {share}：还款达到税后收入的 {line} 或以上，就算有还款压力。",
    "warn.money_short": "从第 {first_month} 个月起，收入不够支付必要开支和还款（共 {months_short} 个月不够）；最差是第 {worst_month} 个月，缺 {shortfall}。",
    "warn.unsecured_over_income": "第 {month} 个月同时欠着的无抵押欠款达到 {balance}，超过一年收入 {annual_income} 的 {line}（即 {limit}）：这是 2020 年网络小贷征求意见稿提出的标准。",
    "warn.rate_above_line": "“{name}”的年化利率（单利 i×12）为 {apr}，超过 {line} 的综合融资成本红线。",
    "warn.stacked_loans": "第 {month} 个月同时在还 {at_once} 笔借款（达到 {line} 笔或以上）：几笔借款叠在一起，很容易顾此失彼。",
    "warn.minimum_only": "“{name}”只还最低还款额：没还的部分按日计息（常见为日息万5），而且整期账单都不再享受免息期。",
    # issue 21 (h5): the minimum on a cash loan, which has no interest-free period
    "warn.minimum_only.cash": "“{name}”是现金借款，只还最低还款额：借出的钱从第一天起按日计息，没还的本金继续计息，欠款要很久才还得清。",
    # notice
    "warn.several_lenders": "第 {month} 个月同时向 {lenders} 家机构还款（达到 {line} 家或以上）：监管部门提示多头借贷的风险。",
    "warn.effective_above_line": "“{name}”的年化利率（单利 i×12）{apr} 没有超过 {line} 红线，但按复利算的实际年化 {eff} 超过了它；红线按单利口径衡量。",
    "warn.effective_above_line.no_apr": "“{name}”按复利算的实际年化为 {eff}，超过 {line} 红线；红线按单利口径衡量，而它的单利年化未知。",
    "warn.rate_above_court_cap": "“{name}”的年化利率（单利）为 {apr}，超过 4 倍 LPR：4 × {lpr} = {line}（LPR 截至 {date}），即法院保护民间借贷利率的上限；持牌金融机构不受此限。",
    "warn.cash_advance": "“{name}”是信用卡预借现金：每笔取现收手续费，从取现当天起就计息，没有免息期。",
    "warn.early_rate_raised": "提前还清“{name}”让真实年化利率（单利）升到 {apr}：剩余手续费或违约金照收，借钱的时间却变短了。",
    "warn.early_rate_raised.no_apr": "提前还清“{name}”让真实年化利率升高了：剩余手续费或违约金照收，借钱的时间却变短了。",
    # what you can do
    "warn.debt_share_limit.do": "不再新增借款；在逾期之前主动联系各家贷款机构协商还款（延长期限或降低月供）；也可以找信任的人或专业机构商量。",
    "warn.money_short_repeated.do": "现在就联系贷款机构协商还款，不要等到逾期；也可以找信任的人或专业机构商量。",
    "warn.rollover.do": "停止借新还旧：列出所有欠款，改为向原贷款机构申请协商还款。",
    "warn.debt_share_high.do": "在还清一笔欠款之前，先别再分期买东西；有余钱先还利率最高的那笔。",
    "warn.debt_share_pressure.do": "下次分期之前，先算算月供还放不放得下；能全款的尽量全款。",
    "warn.money_short.do": "看看哪几个月不够：推迟一笔消费或提前留出钱；如果确实还不上，在逾期之前就联系贷款机构。",
    "warn.unsecured_over_income.do": "在欠款降下来之前不再借新的；有余钱先还利率最高的那笔。",
    "warn.rate_above_line.do": "如果已经借了，先还这一笔；借之前和全款比一比，看清合同里的年化利率。",
    "warn.stacked_loans.do": "把每笔欠款和还款日列在一张表上；还清一笔，再考虑下一笔。",
    "warn.minimum_only.do": "尽量多还，能全额还款就全额还；或者向银行申请利率明确的分期。",
    "warn.several_lenders.do": "先还清并注销不常用的额度，借款尽量集中在一两家。",
    "warn.effective_above_line.do": "比较不同方案时用同一种口径：单利和单利比，复利和复利比。",
    "warn.rate_above_court_cap.do": "借款前看清合同里的年化利率，再和银行贷款或全款比一比。",
    "warn.cash_advance.do": "取现的钱尽早还，每多一天都要付利息；买东西改为刷卡消费并全额还款。",
    "warn.early_rate_raised.do": "提前还款前先看清规则：如果剩余手续费照收，提前还款省不了钱，多余的钱不如先还利率更高的欠款。",
    # sources (domain.md §3)
    "source.uk_ifs_2018": "英国财政研究所 IFS",
    "source.dti_28_36": "美国 28/36 债务收入比经验法则，按税前收入",
    "source.cbrc_2004": "原银监会房贷指引",
    "source.uk_mas": "英国理财咨询服务 Money Advice Service",
    "source.nfra_2025_04": "国家金融监督管理总局助贷新规，自 2025-10-01 起",
    "source.pboc_nfra_2025_12": "中国人民银行与金融监管总局对小额贷款公司的要求：新发放贷款不超过 24%，2027 年底前降到约 4 倍 LPR",
    "source.pboc_2021_3": "中国人民银行公告〔2021〕第 3 号",
    "source.spc_2020": "最高人民法院民间借贷司法解释",
    "source.cfpb_2025_01": "美国消费者金融保护局 CFPB 先买后付报告",
    "source.cbirc_2020_12_29": "原银保监会风险提示",
    "source.cbirc_2022_03_14": "原银保监会风险提示",
    "source.draft_2020_11": "网络小额贷款业务管理暂行办法征求意见稿（已被 2024 年金规〔2024〕26号取代：网络小贷消费贷款每户不超过 20 万元；三分之一收入的标准是否保留未经核实）",
    "source.cmb_card": "招商银行信用卡章程",
    "source.icbc_early": "工商银行分期付款协议",
    "source.szcc_2021_08": "深圳市消费者委员会调查",
    "source.lpr": "中国人民银行／全国银行间同业拆借中心一年期 LPR",
    "grade.A": "法律或监管文件",
    "grade.B": "媒体报道或研究",
    "grade.C": "汇总网站，仅供参考",
    # the frame
    "warn.source_line": "来源：{sources}",
    "warn.source_line_many": "来源：{sources}",
    "warn.source_item": "{title}（证据等级 {grade}，{grade_text}，{date}）",
    "warn.source_item_undated": "{title}（证据等级 {grade}，{grade_text}）",
    "warn.source_none": "来源：按你填写的数字计算（收入 − 必要开支 − 还款）",
    "warn.do_prefix": "可以怎么做：",
    "warn.severity.notice": "提示",
    "warn.severity.caution": "注意",
    "warn.severity.danger": "危险",
    "warn.none": "按当前的标准，没有需要提醒的地方。",
    "warn.household": "家庭整体",
    "warn.unnamed": "第 {n} 笔借款",
}

EN: dict[str, str] = {
    # what fired: danger
    "warn.debt_share_limit": "Debt payments take {share} of your income in month {month} ({payments} of {income}), above the {line} limit for all monthly debt payments.",
    "warn.money_short_repeated": "Your income does not cover essentials and debt payments in {months_short} of the {window} months from month {first_month}: missing payments in {line} of {window} months counts as over-indebted.",
    "warn.rollover": "“{name}” is repaid by borrowing from another line: regulators name borrowing to repay as a debt spiral.",
    # caution
    "warn.debt_share_high": "Debt payments take {share} of your income in month {month} ({payments} of {income}): a heavy load, above the {line} rule of thumb for all debt payments.",
    "warn.debt_share_pressure": "Debt payments take {share} of your income in month {month} ({payments} of {income}): at {line} of take-home pay or more, a household counts as under pressure.",
    "warn.money_short": "From month {first_month} your income does not cover essentials and debt payments (months short: {months_short}); the worst is month {worst_month}, {shortfall} short.",
    "warn.unsecured_over_income": "In month {month} you owe {balance} of unsecured debt at once, above {line} of a year's income ({limit} of {annual_income}), the line the 2020 draft rules for online micro-loans proposed.",
    "warn.rate_above_line": "“{name}” costs {apr} a year (APR, simple: i × 12), above the {line} line for comprehensive financing cost.",
    "warn.stacked_loans": "In month {month} you are repaying {at_once} debts at once ({line} or more): stacked loans are easy to lose track of.",
    "warn.minimum_only": "“{name}” is paid by its minimum only: what is left unpaid is charged interest by the day (commonly 0.05% a day), and the whole statement loses its interest-free period.",
    # issue 21 (h5): the minimum on a cash loan, which has no interest-free period
    "warn.minimum_only.cash": "“{name}” is a cash loan paid by its minimum only: the cash is charged interest by the day from the day it is drawn, the principal left unpaid keeps being charged, and the debt takes a long time to clear.",
    # notice
    "warn.several_lenders": "In month {month} you are repaying {lenders} different lenders ({line} or more): regulators warn about borrowing from several lenders at once.",
    "warn.effective_above_line": "“{name}” costs {apr} a year simple (i × 12), not above the {line} line, but {eff} compounded; the line is held against the simple rate.",
    "warn.effective_above_line.no_apr": "“{name}” costs {eff} a year compounded, above the {line} line; the line is held against the simple rate, which is not known for this debt.",
    "warn.rate_above_court_cap": "“{name}” costs {apr} a year (APR, simple), above 4 × LPR {lpr} = {line} (LPR as of {date}), the most a court protects in private lending; licensed lenders are not bound by it.",
    "warn.cash_advance": "“{name}” is a credit card cash advance: a fee on each withdrawal, and interest from the day you draw it, with no interest-free period.",
    "warn.early_rate_raised": "Repaying “{name}” early raised its true rate to {apr} a year (APR, simple): fees or a penalty are still charged, but you borrow for less time.",
    "warn.early_rate_raised.no_apr": "Repaying “{name}” early raised its true rate: fees or a penalty are still charged, but you borrow for less time.",
    # what you can do
    "warn.debt_share_limit.do": "Take on no new debt, and ask each lender for a restructuring (协商还款: a longer term or lower payments) before a payment is missed; talk to someone you trust or a debt adviser.",
    "warn.money_short_repeated.do": "Call the lenders now, before a payment is missed, to ask for a restructuring (协商还款), and talk to someone you trust or a debt adviser.",
    "warn.rollover.do": "Stop borrowing from one line to repay another: list what you owe and ask the first lender for a restructuring (协商还款) instead.",
    "warn.debt_share_high.do": "Buy nothing more on installments until a debt is paid off, and put spare money on the dearest debt first.",
    "warn.debt_share_pressure.do": "Before the next purchase on installments, check that the payment still fits your budget; pay in full where you can.",
    "warn.money_short.do": "Look at the short months: postpone a purchase or set money aside before them, and if a payment cannot be made, tell the lender before it is missed, not after.",
    "warn.unsecured_over_income.do": "Borrow no more until the balance falls, and put spare money on the dearest debt first.",
    "warn.rate_above_line.do": "If you already owe it, repay this one first; before borrowing, compare with paying in full and check the annual rate in the contract.",
    "warn.stacked_loans.do": "Keep every debt and its due date on one list, and pay one off before taking on another.",
    "warn.minimum_only.do": "Pay more than the minimum, in full if you can, or ask the bank for an installment plan at a rate you know.",
    "warn.several_lenders.do": "Pay off and close the lines you use least, and keep to one or two lenders.",
    "warn.effective_above_line.do": "Compare offers on the same kind of rate: simple with simple, compounded with compounded.",
    "warn.rate_above_court_cap.do": "Check the annual rate in the contract before borrowing, and compare with a bank loan or paying in full.",
    "warn.cash_advance.do": "Repay cash drawn as soon as you can, since every day costs interest; for purchases, pay by card and in full instead.",
    "warn.early_rate_raised.do": "Check the early-repayment rule before repaying early: if the remaining fees are charged anyway, repaying early saves nothing, and spare cash does more on a dearer debt.",
    # sources (domain.md §3)
    "source.uk_ifs_2018": "UK Institute for Fiscal Studies",
    "source.dti_28_36": "US 28/36 debt-to-income rule of thumb, on gross income",
    "source.cbrc_2004": "CBRC mortgage guideline",
    "source.uk_mas": "UK Money Advice Service",
    "source.nfra_2025_04": "NFRA rules for loan facilitation, from 2025-10-01",
    "source.pboc_nfra_2025_12": "PBoC and NFRA on micro-lenders: no new loans above 24%, about 4 × LPR by end-2027",
    "source.pboc_2021_3": "PBoC Announcement No. 3 of 2021",
    "source.spc_2020": "SPC private-lending rules",
    "source.cfpb_2025_01": "US CFPB report on buy-now-pay-later loans",
    "source.cbirc_2020_12_29": "CBIRC risk alert",
    "source.cbirc_2022_03_14": "CBIRC risk alert",
    "source.draft_2020_11": "draft rules for online micro-loans (superseded by 金规〔2024〕26号: consumer loans at an online micro-lender at most ¥200,000 per household; whether a 1/3-of-income line survived is not verified)",
    "source.cmb_card": "China Merchants Bank card terms",
    "source.icbc_early": "ICBC installment agreement",
    "source.szcc_2021_08": "Shenzhen Consumer Council survey",
    "source.lpr": "PBoC/NIFC one-year LPR",
    "grade.A": "legal or regulatory text",
    "grade.B": "press or research",
    "grade.C": "aggregator, indicative only",
    # the frame
    "warn.source_line": "Source: {sources}",
    "warn.source_line_many": "Sources: {sources}",
    "warn.source_item": "{title} (grade {grade}, {grade_text}, {date})",
    "warn.source_item_undated": "{title} (grade {grade}, {grade_text})",
    "warn.source_none": "Source: arithmetic on your own figures (income − essentials − debt payments)",
    "warn.do_prefix": "What you can do: ",
    "warn.severity.notice": "Note",
    "warn.severity.caution": "Caution",
    "warn.severity.danger": "Danger",
    "warn.none": "No warning at these thresholds.",
    "warn.household": "Your household",
    "warn.unnamed": "Debt {n}",
}
