"""User-facing text in Chinese (简体) and English, and its lookup.

Every string the app shows comes from :data:`CATALOG`; code, links and tests
use stable ASCII keys and codes.  ``tests/test_i18n.py`` fails if a key is
missing in either language or a placeholder differs between them.  A missing
key renders as ``⟦key⟧`` so a test can spot it on a page.
"""

from __future__ import annotations

import string
from collections.abc import Iterable

from calc.errors import CalcError
from ui.codec import Notice
from ui.fmt import md_escape, pct, yuan

__all__ = ["CATALOG", "t", "error_text", "notice_lines", "show_notices", "MISSING"]

MISSING = "⟦{}⟧"

ZH: dict[str, str] = {
    # app shell
    "app.title": "分期明白",
    "app.tagline": "分期和备用金到底花多少钱",
    "app.lang": "语言 / Language",
    "app.share": "分享这个场景",
    "app.share_help": "复制下面的链接:打开它会恢复全部输入和语言。",
    "nav.compare": "分期对比",
    # comparison page
    "cmp.title": "分期对比:到底哪种最划算?",
    "cmp.intro": "输入价格和几种分期方案,看每月还多少、一共多花多少,以及按同一方法算出的真实年化利率。",
    "cmp.price": "商品价格(元)",
    "cmp.discount": "一次付清的优惠(%)",
    "cmp.discount_help": "一次付清能便宜多少。分期放弃了这个优惠,所以“免息”也有成本。",
    "cmp.yield": "存款收益率(年化 %)",
    "cmp.yield_help": "分期期间留在手里的钱能赚的年收益(例如货币基金),用来把未来的还款折算成今天的钱。",
    "cmp.plans": "分期方案",
    "cmp.plan_n": "方案 {n}",
    "cmp.custom": "自定义",
    "cmp.preset_option": "{label}(证据等级 {grade},{date})",
    "cmp.undated": "未注明日期",
    "cmp.name": "名称",
    "cmp.preset": "预设",
    "cmp.preset_note": "预设来自公开资料,平台会因人调整费率,请以实际页面为准;可随意修改。",
    "cmp.preset_edited": "已在预设基础上修改。",
    "cmp.kind": "类型",
    "cmp.periods": "期数(月)",
    "cmp.fee_mode": "手续费填法",
    "cmp.fee_period": "每期手续费率(%,按原始本金)",
    "cmp.fee_total": "总手续费率(%,按原始本金)",
    "cmp.fee_timing": "手续费收取方式",
    "cmp.rate_unit": "利率单位",
    "cmp.rate_annual": "贷款利率(年化 %)",
    "cmp.rate_daily": "贷款利率(日 %)",
    "cmp.down": "首付(元)",
    "cmp.upfront": "一次性服务费(元)",
    "cmp.upfront_help": "放款时直接扣除的费用:到手的钱少了,还款不变。",
    "cmp.first_days": "距首次还款天数",
    "cmp.first_days_help": "通常 30 天;更长或更短的首期按 30 天一个月折算(美国 Reg Z 附录 J 的方法)。",
    "cmp.early_rule": "提前还款规则",
    "cmp.penalty": "违约金(提前还款本金的 %)",
    "cmp.remove": "删除此方案",
    "cmp.add_from": "新增方案:选择预设",
    "cmp.add": "添加方案",
    "cmp.max_plans": "最多 {n} 个方案",
    "cmp.results": "结果",
    "cmp.full_help": "今天一次付清的价格(已减去一次付清的优惠)。",
    "cmp.card_cost": "总成本 {cost} · 首期 {first}",
    "cmp.plan_summary": "{kind} · {n} 期",
    "cmp.full": "一次付清",
    "cmp.cheapest": "★ 折成今天的钱最便宜",
    "cmp.above_line_short": "⚠ 超过 24%",
    "cmp.above_line": "“{name}”的年化利率(单利 i×12)为 {apr},超过 24% 的综合融资成本红线"
    "(国家金融监督管理总局 2025-04 助贷新规,自 2025-10-01 起;中国人民银行与金融监管总局 2025-12;"
    "证据等级 B,媒体报道)。",
    "cmp.formulas": "i = 使现金流净现值为 0 的月利率。名义年化 = i × 12(人行公告〔2021〕第3号的单利口径、"
    "美国 APR);实际年化 = (1+i)^12 − 1(人行的复利/IRR 口径、欧盟 APRC);平均余额法 = 总成本 ÷ "
    "Σ(未还本金 × 年数);宣传费率 = 每期费率 × 12。",
    "cmp.details": "还款明细与提前还款",
    "cmp.download": "下载还款计划(CSV)",
    "cmp.early": "在第几期时提前还清(0 = 按期还完)",
    "cmp.early_help": "在这一期还款时一并还清剩余本金,按该方案的提前还款规则处理剩余手续费或利息。",
    "cmp.early_out_of_range": "提前还款设在第 {k} 期之后,但这个方案只有 {n} 期:请移动滑块。",
    "cmp.early_result": "第 {k} 期还清({rule}):共付 {paid},总成本 {cost};名义年化 **{apr}**"
    "(实际年化 {eff}),按期还完时为 {apr0}。",
    # table columns
    "col.plan": "方案",
    "col.first": "首期月供",
    "col.largest": "最高月供",
    "col.total_paid": "总支付",
    "col.total_paid_help": "首付 + 服务费 + 全部月供",
    "col.total_cost": "总成本",
    "col.total_cost_help": "总支付 − 一次付清的价格",
    "col.advertised": "宣传费率",
    "col.apr": "名义年化 APR",
    "col.effective": "实际年化",
    "col.avg_balance": "平均余额法",
    "col.present_cost": "折现成本",
    "col.present_cost_help": "按存款收益率把每笔还款折成今天的钱,再减去一次付清的价格;为负表示分期反而划算。",
    "col.note": "备注",
    "col.k": "期",
    "col.month": "月份",
    "col.month_help": "从借款开始算的月数(30 天为一个月)",
    "col.payment": "还款",
    "col.principal": "本金",
    "col.charge": "手续费/利息",
    "col.balance": "剩余本金",
    "col.flow": "现金流",
    "col.flow_help": "正数:你收到的(商品或现金);负数:你付出的",
    "formula.advertised": "每期费率 × 12(营销口径,对按原始本金收费的分期有误导性)",
    "formula.apr": "i × 12:人行公告〔2021〕第3号允许的单利折算口径,也是美国 Reg Z 的 APR",
    "formula.effective": "(1+i)^12 − 1:人行的复利(内部收益率法)口径,也是欧盟的 APRC",
    "formula.avg_balance": "总成本 ÷ Σ(未还本金 × 年数):一些计算器用的经验算法",
    # charts
    "chart.cum_tab": "累计支付",
    "chart.pay_tab": "每月还款",
    "chart.cum_title": "累计支付金额",
    "chart.cum_axis": "累计已付(元)",
    "chart.month": "月份",
    "chart.hover_full": "一次付清:¥%{y:,.2f}",
    "chart.hover_cum": "第 %{x:.1f} 个月时累计已付 ¥%{y:,.2f}",
    "chart.pay_title": "每期还款金额",
    "chart.installment": "第几期",
    "chart.pay_axis": "当期还款(元)",
    "chart.hover_pay": "第 %{x} 期还 ¥%{y:,.2f}<br>其中本金 ¥%{customdata[0]:,.2f},"
    "手续费/利息 ¥%{customdata[1]:,.2f}",
    "chart.hover_npv": "月利率 %{x:.3f}% 时净现值 ¥%{y:,.2f}",
    "chart.hover_root": "净现值为 0:这就是这笔分期的真实月利率 %{x:.4f}%",
    # show the math
    "math.title": "看看是怎么算的",
    "math.plan": "方案",
    "math.explain": "把你收到的和付出的每一笔钱按时间排好,找出月利率 i,使它们折现后正好相抵"
    "(第一笔 t=0;首期不足或超过一个月时 f 为零头,按单利计):",
    "math.result": "解得 i = **{i}** 每月。名义年化 = i × 12 = **{apr}**;实际年化 = (1+i)^12 − 1 = **{eff}**。",
    "math.npv": "净现值",
    "math.root": "解",
    "math.chart_title": "净现值随月利率变化:与 0 的交点就是真实利率",
    "math.rate_axis": "月利率",
    "math.npv_axis": "净现值(元)",
    # codes
    "kind.addon": "按原始本金收手续费",
    "kind.free": "免息",
    "kind.equal_payment": "贷款:等额本息",
    "kind.equal_principal": "贷款:等额本金",
    "kind.interest_only": "贷款:先息后本",
    "fee_mode.period": "每期费率",
    "fee_mode.total": "总费率",
    "timing.spread": "每期收取",
    "timing.first": "首期一次收取",
    "unit.annual": "年利率",
    "unit.daily": "日利率",
    "rule.waive": "剩余手续费/利息免收",
    "rule.charge": "剩余手续费/利息照收",
    "rule.penalty": "免收剩余费用,收违约金",
    "preset.teach_06x12": "教学例子:月费率0.6%×12期",
    "preset.huabei_3": "花呗分期3期",
    "preset.huabei_6": "花呗分期6期",
    "preset.huabei_12": "花呗分期12期",
    "preset.huabei_free": "花呗免息(商家承担)",
    "preset.baitiao_12_low": "京东白条12期(0.5%/期)",
    "preset.baitiao_12_high": "京东白条12期(1.2%/期)",
    "preset.ccb_3": "建行信用卡分期3期",
    "preset.ccb_12": "建行信用卡分期12期",
    "preset.ccb_24": "建行信用卡分期24期",
    "preset.icbc_12_upfront": "工行12期(手续费首期收)",
    "preset.xiaomi_12_legacy": "小米分期12期(旧)",
    "preset.xiaomi_24_free": "小米商城信用卡24期免息",
    # errors (calc codes) and fields
    "err.not_a_number": "{field}:“{got}”不是有效的数字。",
    "err.not_integer": "{field}必须是整数(现在是 {got})。",
    "err.unknown_code": "{field}:没有“{got}”这个选项。",
    "err.range": "{field}必须在 {min} 到 {max} 之间(现在是 {got})。",
    "err.range_min_open": "{field}必须大于 {min}、不超过 {max}(现在是 {got})。",
    "err.range_max_open": "{field}不能小于 {min},且必须小于 {max}(现在是 {got})。",
    "err.not_a_loan": "这组现金流不是一笔借款(没有先收到钱再还钱),算不出利率。",
    "err.no_rate": "找不到能让这组现金流相抵的利率。",
    "err.plan": "{name}:{message}",
    "field.price": "商品价格",
    "field.cash_discount": "一次付清的优惠",
    "field.savings_yield": "存款收益率",
    "field.periods": "期数",
    "field.fee_rate": "每期手续费率",
    "field.rate": "贷款利率",
    "field.down_payment": "首付",
    "field.upfront_fee": "一次性服务费",
    "field.first_days": "距首次还款天数",
    "field.penalty_pct": "违约金比例",
    "field.early_after": "提前还款期数",
    "field.kind": "类型",
    "field.fee_timing": "手续费收取方式",
    "field.rate_unit": "利率单位",
    "field.early_rule": "提前还款规则",
    # link notices
    "notice.title": "链接里有些内容没有用上,其余已按链接恢复:",
    "notice.bad_value": "{param} 的值“{raw}”无效,已改用默认值",
    "notice.out_of_range": "{param} 的值“{raw}”超出范围,已改用默认值",
    "notice.unknown_param": "不认识的参数 {param}(值“{raw}”),已忽略",
    "notice.missing": "缺少 {params},已用默认值",
    "notice.bad_version": "链接版本“{raw}”不是当前版本 1,已尽量按版本 1 读取",
}

EN: dict[str, str] = {
    "app.title": "Installment Clarity",
    "app.tagline": "What installments and cash lines really cost",
    "app.lang": "语言 / Language",
    "app.share": "Share this scenario",
    "app.share_help": "Copy the link below: opening it restores every input and the language.",
    "nav.compare": "Compare plans",
    "cmp.title": "Compare installment plans: which one really costs least?",
    "cmp.intro": "Enter a price and a few ways to pay. See the monthly payment, what each plan "
    "costs in total, and the true yearly rates, all solved the same way.",
    "cmp.price": "Price (¥)",
    "cmp.discount": "Discount for paying in full (%)",
    "cmp.discount_help": "How much cheaper it is to pay now. Paying in installments forgoes it, "
    "so even “0%” has a cost.",
    "cmp.yield": "Savings yield (% a year)",
    "cmp.yield_help": "What money you keep while paying over time could earn (a money-market "
    "fund, say); used to express future payments in today's money.",
    "cmp.plans": "Plans",
    "cmp.plan_n": "Plan {n}",
    "cmp.custom": "Custom",
    "cmp.preset_option": "{label} (grade {grade}, {date})",
    "cmp.undated": "undated",
    "cmp.name": "Name",
    "cmp.preset": "Preset",
    "cmp.preset_note": "Presets come from public sources; platforms personalise fees, so check "
    "the real checkout page. Edit freely.",
    "cmp.preset_edited": "Edited from the preset.",
    "cmp.kind": "Kind",
    "cmp.periods": "Installments (months)",
    "cmp.fee_mode": "Fee entered as",
    "cmp.fee_period": "Fee per installment (%, of the original price)",
    "cmp.fee_total": "Total fee (%, of the original price)",
    "cmp.fee_timing": "Fee charged",
    "cmp.rate_unit": "Rate unit",
    "cmp.rate_annual": "Loan rate (% a year)",
    "cmp.rate_daily": "Loan rate (% a day)",
    "cmp.down": "Down payment (¥)",
    "cmp.upfront": "Upfront fee (¥)",
    "cmp.upfront_help": "A fee deducted when the money is paid out: you receive less, you "
    "repay the same.",
    "cmp.first_days": "Days to the first payment",
    "cmp.first_days_help": "Usually 30; a longer or shorter first period counts days as "
    "fractions of a 30-day month (the US Reg Z Appendix J method).",
    "cmp.early_rule": "Early repayment rule",
    "cmp.penalty": "Penalty (% of the prepaid principal)",
    "cmp.remove": "Remove this plan",
    "cmp.add_from": "New plan: choose a preset",
    "cmp.add": "Add plan",
    "cmp.max_plans": "At most {n} plans",
    "cmp.results": "Results",
    "cmp.full_help": "What paying in full today costs (after any discount for paying in full).",
    "cmp.card_cost": "cost {cost} · first payment {first}",
    "cmp.plan_summary": "{kind} · {n} installments",
    "cmp.full": "Pay in full",
    "cmp.cheapest": "★ cheapest in today's money",
    "cmp.above_line_short": "⚠ above 24%",
    "cmp.above_line": "“{name}” has a nominal APR (i×12) of {apr}, above the 24% line for "
    "comprehensive financing cost (NFRA loan-facilitation rules of 2025-04, in force from "
    "2025-10-01; PBoC and NFRA 2025-12; grade B, press reports).",
    "cmp.formulas": "i = the monthly rate at which the cash flows' net present value is zero. "
    "Nominal APR = i × 12 (the PBoC Announcement [2021] No. 3 simple form, the US APR); "
    "effective = (1+i)^12 − 1 (the PBoC compound/IRR form, the EU APRC); average-balance = "
    "total cost ÷ Σ(balance × years); advertised = fee per installment × 12.",
    "cmp.details": "Schedules and early repayment",
    "cmp.download": "Download the schedule (CSV)",
    "cmp.early": "Repay everything with installment (0 = on schedule)",
    "cmp.early_help": "The rest of the principal is paid together with this installment; the "
    "remaining fees or interest follow the plan's early repayment rule.",
    "cmp.early_out_of_range": "Early repayment is set after installment {k}, but this plan has "
    "only {n}: move the slider.",
    "cmp.early_result": "Repaid with installment {k} ({rule}): {paid} paid, cost {cost}; "
    "nominal APR **{apr}** (effective {eff}), against {apr0} on schedule.",
    "col.plan": "Plan",
    "col.first": "First payment",
    "col.largest": "Largest payment",
    "col.total_paid": "Total paid",
    "col.total_paid_help": "Down payment + upfront fee + every installment",
    "col.total_cost": "Total cost",
    "col.total_cost_help": "Total paid − the price when paying in full",
    "col.advertised": "Advertised rate",
    "col.apr": "Nominal APR",
    "col.effective": "Effective annual",
    "col.avg_balance": "Average-balance",
    "col.present_cost": "Cost in today's money",
    "col.present_cost_help": "Each payment discounted at the savings yield, less the price "
    "when paying in full; negative means the installments are the better deal.",
    "col.note": "Note",
    "col.k": "No.",
    "col.month": "Month",
    "col.month_help": "Months from the start (30 days a month)",
    "col.payment": "Payment",
    "col.principal": "Principal",
    "col.charge": "Fee / interest",
    "col.balance": "Balance",
    "col.flow": "Cash flow",
    "col.flow_help": "Positive: what you receive (goods or cash); negative: what you pay",
    "formula.advertised": "Fee per installment × 12 (the marketing figure; misleading when the "
    "fee is on the original price)",
    "formula.apr": "i × 12: the simple form the PBoC allows (Announcement [2021] No. 3), and "
    "the US Reg Z APR",
    "formula.effective": "(1+i)^12 − 1: the PBoC compound (IRR) form, and the EU APRC",
    "formula.avg_balance": "Total cost ÷ Σ(balance × years): a rule of thumb some calculators use",
    "chart.cum_tab": "Paid so far",
    "chart.pay_tab": "Monthly payments",
    "chart.cum_title": "Cumulative amount paid",
    "chart.cum_axis": "Paid so far (¥)",
    "chart.month": "Month",
    "chart.hover_full": "Pay in full: ¥%{y:,.2f}",
    "chart.hover_cum": "By month %{x:.1f}: ¥%{y:,.2f} paid in all",
    "chart.pay_title": "Payment per installment",
    "chart.installment": "Installment",
    "chart.pay_axis": "Payment (¥)",
    "chart.hover_pay": "Installment %{x}: ¥%{y:,.2f}<br>principal ¥%{customdata[0]:,.2f}, "
    "fee or interest ¥%{customdata[1]:,.2f}",
    "chart.hover_npv": "At %{x:.3f}% a month the NPV is ¥%{y:,.2f}",
    "chart.hover_root": "NPV is zero: the plan's true monthly rate, %{x:.4f}%",
    "math.title": "Show the math",
    "math.plan": "Plan",
    "math.explain": "Line up every amount you receive and pay by date, then find the monthly "
    "rate i at which they cancel out once discounted (the first at t = 0; when the first "
    "period is not a whole month, f is the odd part, charged as simple interest):",
    "math.result": "Solved: i = **{i}** a month. Nominal APR = i × 12 = **{apr}**; effective "
    "= (1+i)^12 − 1 = **{eff}**.",
    "math.npv": "NPV",
    "math.root": "Root",
    "math.chart_title": "NPV against the monthly rate: it crosses zero at the true rate",
    "math.rate_axis": "Monthly rate",
    "math.npv_axis": "Net present value (¥)",
    "kind.addon": "Fee on the original price",
    "kind.free": "Interest-free",
    "kind.equal_payment": "Loan: equal payments",
    "kind.equal_principal": "Loan: equal principal",
    "kind.interest_only": "Loan: interest only",
    "fee_mode.period": "Per installment",
    "fee_mode.total": "Total",
    "timing.spread": "With every installment",
    "timing.first": "All with the first",
    "unit.annual": "Per year",
    "unit.daily": "Per day",
    "rule.waive": "remaining fees/interest waived",
    "rule.charge": "remaining fees/interest still charged",
    "rule.penalty": "fees waived, penalty charged",
    "preset.teach_06x12": "Classroom: 0.6% a month × 12",
    "preset.huabei_3": "Huabei 3 installments",
    "preset.huabei_6": "Huabei 6 installments",
    "preset.huabei_12": "Huabei 12 installments",
    "preset.huabei_free": "Huabei interest-free (merchant pays)",
    "preset.baitiao_12_low": "JD Baitiao 12 (0.5%/installment)",
    "preset.baitiao_12_high": "JD Baitiao 12 (1.2%/installment)",
    "preset.ccb_3": "CCB credit card, 3 installments",
    "preset.ccb_12": "CCB credit card, 12 installments",
    "preset.ccb_24": "CCB credit card, 24 installments",
    "preset.icbc_12_upfront": "ICBC 12, fee with the first installment",
    "preset.xiaomi_12_legacy": "Xiaomi installments 12 (legacy)",
    "preset.xiaomi_24_free": "Xiaomi Mall card 24 interest-free",
    "err.not_a_number": "{field}: “{got}” is not a valid number.",
    "err.not_integer": "{field} must be a whole number (it is {got}).",
    "err.unknown_code": "{field}: there is no option “{got}”.",
    "err.range": "{field} must be between {min} and {max} (it is {got}).",
    "err.range_min_open": "{field} must be above {min} and at most {max} (it is {got}).",
    "err.range_max_open": "{field} must be at least {min} and below {max} (it is {got}).",
    "err.not_a_loan": "These cash flows are not a loan (money is not first received, then "
    "repaid), so no rate can be solved.",
    "err.no_rate": "No rate makes these cash flows balance.",
    "err.plan": "{name}: {message}",
    "field.price": "The price",
    "field.cash_discount": "The discount for paying in full",
    "field.savings_yield": "The savings yield",
    "field.periods": "The number of installments",
    "field.fee_rate": "The fee per installment",
    "field.rate": "The loan rate",
    "field.down_payment": "The down payment",
    "field.upfront_fee": "The upfront fee",
    "field.first_days": "Days to the first payment",
    "field.penalty_pct": "The penalty",
    "field.early_after": "The early repayment installment",
    "field.kind": "The kind",
    "field.fee_timing": "The fee timing",
    "field.rate_unit": "The rate unit",
    "field.early_rule": "The early repayment rule",
    "notice.title": "Part of this link could not be used; the rest was restored:",
    "notice.bad_value": "{param} = “{raw}” is not valid; the default is used",
    "notice.out_of_range": "{param} = “{raw}” is out of range; the default is used",
    "notice.unknown_param": "unknown parameter {param} (“{raw}”) ignored",
    "notice.missing": "{params} missing; defaults used",
    "notice.bad_version": "link version “{raw}” is not the current version 1; read as version 1 "
    "where possible",
}

CATALOG: dict[str, dict[str, str]] = {"zh": ZH, "en": EN}

# How each calc field's numbers are shown in messages (calc units: fractions, yuan).
_FIELD_UNITS = {
    "price": "yuan", "down_payment": "yuan", "upfront_fee": "yuan",
    "cash_discount": "pct", "savings_yield": "pct", "fee_rate": "pct", "rate": "pct",
    "penalty_pct": "pct",
}


def _lang() -> str:
    from ui.state import lang

    return lang()


def t(key: str, lang: str | None = None, **values: object) -> str:
    """The text for ``key`` in the current (or given) language, formatted."""
    text = CATALOG[lang or _lang()].get(key)
    if text is None:
        return MISSING.format(key)
    return text.format(**values) if values else text


def _show(field: str, value: object) -> str:
    unit = _FIELD_UNITS.get(field)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if unit == "yuan":
            return yuan(float(value))
        if unit == "pct":
            return pct(float(value))
        return f"{value:g}" if isinstance(value, float) else str(value)
    return md_escape(value)


def error_text(err: CalcError, lang: str | None = None) -> str:
    """A calc error in the user's language, bounds in the field's own units."""
    p = err.params
    field = str(p.get("field", ""))
    name = t(f"field.{field}", lang) if f"field.{field}" in CATALOG["en"] else md_escape(field)
    if err.code == "out_of_range":
        key = "err.range_min_open" if p.get("min_open") else (
            "err.range_max_open" if p.get("max_open") else "err.range")
        return t(key, lang, field=name, min=_show(field, p.get("min")),
                 max=_show(field, p.get("max")), got=_show(field, p.get("got")))
    if err.code in ("not_a_number", "not_integer", "unknown_code"):
        return t(f"err.{err.code}", lang, field=name, got=_show(field, p.get("got")))
    return t(f"err.{err.code}", lang)


def notice_lines(notices: Iterable[Notice], lang: str | None = None) -> list[str]:
    """One markdown-safe line per ignored value; missing ones in one line."""
    lines, missing = [], []
    for n in notices:
        if n.code == "missing":
            missing.append(n.param)
        else:
            lines.append(t(f"notice.{n.code}", lang, param=md_escape(n.param),
                           raw=md_escape(n.raw[:60])))
    if missing:
        lines.append(t("notice.missing", lang, params=md_escape(", ".join(missing))))
    return lines


def show_notices(notices: list[Notice]) -> None:
    """A short notice naming what a link's decoding ignored."""
    import streamlit as st

    lines = notice_lines(notices)
    if lines:
        st.warning(t("notice.title") + "\n\n" + "\n".join(f"- {line}" for line in lines),
                   icon=":material/link:")


def placeholders(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


__all__ += ["placeholders"]
