"""The frame of a 公文 as blocks: 版头, 附件说明 and 版记 (GB/T 9704 §7.2, §7.3.4, §7.4).

What each block says is decided here (the colon after 抄送, the 。 at its end, 印发 after the
date, the attachments' numbers); where it stands and how it looks is the writer's business.
A frame with nothing in it gives no blocks, so a report without frame fields renders as before.
"""

from __future__ import annotations

from draft.model.report import Frame
from draft.render.document import Block, Role, Span
from draft.text.dates import written_date


def head(frame: Frame) -> list[Block]:
    """The 版头: the issuer mark, then the 发文字号 and the 签发人.

    A joint mark with “文件” (§7.2.4) is the names, then “文件” once, to stand right of them;
    any other mark is one line an issuer.
    """
    blocks = _joint_mark(frame) if len(frame.issuers) > 1 else []
    if not blocks and frame.issuers:
        blocks.append(Block.plain(Role.ISSUER_MARK, "\n".join(issuer.printed for issuer in frame.issuers)))
    if frame.doc_number:
        blocks.append(Block.plain(Role.DOC_NUMBER, frame.doc_number.printed))
    if frame.signers:
        blocks.append(Block(Role.SIGNERS, tuple(Span(signer.printed) for signer in frame.signers)))
    return blocks


def _joint_mark(frame: Frame) -> list[Block]:
    """The names of a 联合行文 and “文件” once, when the last name ends with it; none without “文件”."""
    from draft.text.joint_mark import DOCUMENT_WORD, joint_mark  # most reports have one issuer or none

    joint = joint_mark([issuer.printed for issuer in frame.issuers])
    return [Block(Role.JOINT_MARK, tuple(Span(name) for name in (*joint.names, DOCUMENT_WORD)))] if joint.document_word else []


def attachment_note(frame: Frame) -> list[Block]:
    """附件说明 (§7.3.4): “附件：名称”; several are numbered “附件：1. 名称”, “2. 名称”, with no end mark."""
    titles = [node.title.printed.rstrip("。；;，,.") for node in frame.attachments if node.title]
    if len(titles) == 1:
        return [Block(Role.ATTACHMENT_NOTE, (Span("附件："), Span(""), Span(titles[0])))]
    return [
        Block(Role.ATTACHMENT_NOTE, (Span("附件：" if number == 1 else ""), Span(f"{number}."), Span(title)))
        for number, title in enumerate(titles, 1)
    ]


def attachment_label(frame: Frame, number: int) -> Block:
    """附件 or 附件2 (§7.3.7): numbered when there are several, as in the 附件说明."""
    return Block.plain(Role.ATTACHMENT_LABEL, "附件" if len(frame.attachments) == 1 else f"附件{number}")


def imprint(frame: Frame) -> list[Block]:
    """The 版记: 抄送：甲，乙。 and the 印发机关 with “2026年1月20日印发” (§7.4.2, §7.4.3)."""
    blocks = []
    if frame.cc:
        names = "，".join(name.printed.rstrip("。，、,.") for name in frame.cc)
        blocks.append(Block.plain(Role.COPY_TO, f"抄送：{names}。"))
    if frame.printed_by or frame.printed_date:
        by = frame.printed_by.printed if frame.printed_by else ""
        date = f"{written_date(frame.printed_date)}印发" if frame.printed_date else ""
        blocks.append(Block(Role.IMPRINT, (Span(by), Span(date))))
    return blocks
