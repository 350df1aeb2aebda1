"""The packer's key (ed25519) that signs the bundles this copy of Tiffin exports, and the
packers this user trusts. Keys live in the config folder; the private key is readable only by
the user."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from tiffin.config import Paths

PRIVATE = "packer-key.pem"
TRUSTED = "trusted-packers.json"


@dataclass(frozen=True)
class Packer:
    """Who signed a bundle: a name they chose and their public key."""

    name: str
    key: str  # raw ed25519 public key, base64

    @property
    def fingerprint(self) -> str:
        """A short, readable form of the key: what users compare (e.g. read aloud)."""
        digest = hashlib.sha256(base64.b64decode(self.key)).hexdigest()[:20]
        return " ".join(digest[i : i + 4] for i in range(0, 20, 4))


def _private(paths: Paths) -> Ed25519PrivateKey:
    """This copy's key, made on first use."""
    path = paths.config_dir / PRIVATE
    if path.exists():
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
        assert isinstance(loaded, Ed25519PrivateKey)
        return loaded
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
    return key


def own_packer(paths: Paths, name: str) -> Packer:
    """This copy of Tiffin as a packer called `name`."""
    public = (
        _private(paths)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return Packer(name, base64.b64encode(public).decode())


def sign(paths: Paths, data: bytes) -> str:
    """This copy's signature of `data`, base64."""
    return base64.b64encode(_private(paths).sign(data)).decode()


def signature_holds(packer: Packer, data: bytes, signature: str) -> bool:
    """Whether `signature` is `packer`'s over exactly `data`."""
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(packer.key, validate=True))
        key.verify(base64.b64decode(signature, validate=True), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def trusted(paths: Paths) -> dict[str, str]:
    """Trusted packers: public key -> the name the user knows them by."""
    try:
        found = json.loads((paths.config_dir / TRUSTED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def trust(paths: Paths, packer: Packer) -> None:
    """Trust `packer` from now on."""
    known = trusted(paths)
    known[packer.key] = packer.name
    target: Path = paths.config_dir / TRUSTED
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(known, indent=2), encoding="utf-8")
    temporary.replace(target)
