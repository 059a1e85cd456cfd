"""Store an int8 ONNX file's integer-matmul weights unsigned, so it computes the same on every x86 CPU.

    python -m training.unsigned_int8 [FILE ...]    (default: qa/models/reader.onnx, rewritten in place)

onnxruntime multiplies uint8 activations by int8 weights (U8S8) with VPMADDUBSW on CPUs without AVX-512 VNNI,
which saturates pairs of products at 16 bits: the same file then scores differently on different machines (the
shipped reader's frozen sample read 0.9167 top-1 on an AVX2-only machine against 0.8917 where it was recorded).
U8U8 has no such shortcut. Each weight q with zero point z becomes q + 128 with zero point z + 128: the
dequantized values, (q - z) * scale, are unchanged, so this is the same model, not a new quantization.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from core.settings import MODELS_DIR

DEFAULT = MODELS_DIR / "reader.onnx"


def unsigned_weights(path: Path) -> int:
    """Rewrite `path` in place with every MatMulInteger weight (and its zero point) as uint8; returns how many
    tensors changed (0 when the file is already unsigned)."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    tensors = {t.name: t for t in model.graph.initializer}
    changed: set[str] = set()
    for node in model.graph.node:
        if node.op_type != "MatMulInteger":
            continue
        # inputs: A, B, a_zero_point, b_zero_point; B and its zero point are the stored weights
        for name in (node.input[1], node.input[3] if len(node.input) > 3 else ""):
            tensor = tensors.get(name)
            if tensor is None or name in changed:
                continue
            value = numpy_helper.to_array(tensor)
            if value.dtype != np.int8:
                continue
            tensor.CopyFrom(numpy_helper.from_array((value.astype(np.int16) + 128).astype(np.uint8), name))
            changed.add(name)
    if changed:
        onnx.save(model, str(path))
    return len(changed)


def main(argv: list[str] | None = None) -> int:
    paths = [Path(p) for p in (sys.argv[1:] if argv is None else argv)] or [DEFAULT]
    for path in paths:
        if not path.exists():
            print(f"error: no file at {path}", file=sys.stderr)
            return 2
        print(f"{path}: {unsigned_weights(path)} weight tensors now unsigned")
    return 0


if __name__ == "__main__":
    sys.exit(main())
