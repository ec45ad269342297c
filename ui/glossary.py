"""The glossary's terms (issue 11), in the order a reader meets them.

Each term id is a stable ASCII code: its text is ``gloss.<term>.name`` and
``gloss.<term>.text`` in the catalogues (``locale/``; 2–3 plain sentences, with
the formula where there is one, worded as ``domain.md`` §2 and the pages'
labels word it), and it may serve as an anchor (``/glossary#<term>``).
"""

from __future__ import annotations

__all__ = ["GLOSSARY", "terms_line"]

GLOSSARY: tuple[str, ...] = (
    # what a plan costs, and the rates that say it
    "fee_rate",         # 手续费率
    "apr",              # 年化利率（名义，i × 12）
    "contract_rate",    # 合同年化（单利），日利率 × 365
    "effective",        # 实际年利率，(1+i)^12 − 1
    "irr",              # 内部收益率
    "average_balance",  # 平均余额法
    "interest_free",    # 免息
    # how a loan is repaid
    "equal_payment",    # 等额本息
    "equal_principal",  # 等额本金
    "interest_only",    # 先息后本
    "flexible",         # 随借随还
    # cash lines and cards
    "cash_line",        # 备用金
    "cash_advance",     # 取现
    "minimum_payment",  # 最低还款
    "late_fee",         # 违约金
    "penalty_interest",  # 罚息
    "rollover",         # 以贷养贷
    # the lines a warning cites
    "rate_line_24",     # 24% 红线
    "lpr",              # LPR，4 × LPR
    "debt_share",       # 负债收入比
)


def terms_line(terms: tuple[str, ...], lang: str) -> str:
    """A line linking the glossary's entries for ``terms`` (markdown), for a
    page to put where it uses them: "Terms: APR · effective rate · …".  The
    link is relative (``glossary?lang=<lang>#<term>``), so it works under any
    base path, and opens the entry in the page's language.

    >>> terms_line(("apr",), "en")
    'Terms: [Nominal APR (年化利率, i × 12)](glossary?lang=en#apr)'
    """
    from ui.i18n import t

    unknown = set(terms) - set(GLOSSARY)
    if unknown:
        raise ValueError(f"not in the glossary: {sorted(unknown)}")
    links = [f"[{t(f'gloss.{term}.name', lang)}](glossary?lang={lang}#{term})"
             for term in terms]
    return t("gloss.terms", lang, links=" · ".join(links))
