"""The int8 reader's weights are stored unsigned so that every CPU computes the same (training/unsigned_int8.py)."""
from __future__ import annotations

import numpy as np
import pytest

from qa.judgment.reader import MODEL_PATH


WEIGHT = np.random.default_rng(0).normal(size=(8, 4)).astype(np.float32)


def _tiny_quantized(tmp_path):
    onnx = pytest.importorskip("onnx", reason="rewriting ONNX files needs training/requirements.txt (onnx)")
    from onnx import TensorProto, helper, numpy_helper
    from onnxruntime.quantization import QuantType, quantize_dynamic

    weight = numpy_helper.from_array(WEIGHT, "w")
    graph = helper.make_graph([helper.make_node("MatMul", ["x", "w"], ["y"])], "tiny",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None, 8])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [None, 4])], [weight])
    fp32 = tmp_path / "fp32.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(fp32))
    out = tmp_path / "int8.onnx"
    quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True)
    return out


def _run(path, x):
    import onnxruntime as ort

    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(["y"], {"x": x})[0]


def _weight_types(path) -> set:
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    tensors = {t.name: t for t in model.graph.initializer}
    return {numpy_helper.to_array(tensors[n.input[1]]).dtype for n in model.graph.node
            if n.op_type == "MatMulInteger" and n.input[1] in tensors}


def test_unsigned_weights_compute_the_float_product_to_within_quantization_and_a_second_pass_changes_nothing(
        tmp_path):
    from training.unsigned_int8 import unsigned_weights

    path = _tiny_quantized(tmp_path)
    assert _weight_types(path) == {np.dtype(np.int8)}
    x = np.random.default_rng(1).uniform(-1, 1, size=(3, 8)).astype(np.float32)
    assert unsigned_weights(path) == 2  # the weight and its zero point
    assert _weight_types(path) == {np.dtype(np.uint8)}
    # whatever the CPU (signed weights may saturate on one without VNNI), the int8 product is the float one
    # to within the rounding of 8-bit activations and weights
    np.testing.assert_allclose(_run(path, x), x @ WEIGHT, rtol=0, atol=0.05)
    assert unsigned_weights(path) == 0


def test_a_missing_file_is_a_clear_error(tmp_path, capsys):
    from training.unsigned_int8 import main

    assert main([str(tmp_path / "absent.onnx")]) == 2
    assert "no file at" in capsys.readouterr().err


@pytest.mark.skipif(not MODEL_PATH.exists(), reason="no committed reader")
def test_the_committed_reader_has_no_signed_matmul_weights():
    pytest.importorskip("onnx", reason="reading ONNX initializers needs training/requirements.txt (onnx)")
    assert _weight_types(MODEL_PATH) == {np.dtype(np.uint8)}
