"""Next-token cross-entropy over packed rows, computed a chunk of positions at a time.

The full logits of a batch are B x T x V floats (4 x 2048 x 8000 x 4 bytes = 262 MB, several times over
with their gradient), which made CPU training need gigabytes. ``chunked_xent`` projects ``chunk``
positions at a time onto the (tied) embedding under ``jax.checkpoint`` inside a ``lax.scan``, so only
one chunk's logits exist at once, in the forward and in the backward pass (recomputed there).
"""

from __future__ import annotations

import jax
import jax.numpy as jnp
import optax


def xent_from_logits(logits, labels):
    """[B, T, V] logits, [B, T] labels -> [B, T] float32 cross-entropy."""
    return optax.softmax_cross_entropy_with_integer_labels(logits.astype(jnp.float32), labels)


def chunked_xent(hidden, embed, labels, chunk: int):
    """Cross-entropy of ``hidden @ embed.T`` against ``labels`` without holding all the logits.

    hidden [B, T, D] (compute dtype), embed [V, D], labels [B, T] -> [B, T] float32; equal to
    ``xent_from_logits(einsum(hidden, embed), labels)``. ``chunk`` <= 0 or >= T: one pass."""
    b, t, d = hidden.shape
    embed = embed.astype(hidden.dtype)

    def one(h, lab, e):
        logits = jnp.einsum("btd,vd->btv", h, e)
        return xent_from_logits(logits, lab)

    if chunk <= 0 or chunk >= t:
        return one(hidden, labels, embed)
    n = -(-t // chunk)
    pad = n * chunk - t
    if pad:  # padded positions get label 0 and are cut off below
        hidden = jnp.pad(hidden, ((0, 0), (0, pad), (0, 0)))
        labels = jnp.pad(labels, ((0, 0), (0, pad)))
    hs = hidden.reshape(b, n, chunk, d).swapaxes(0, 1)
    ls = labels.reshape(b, n, chunk).swapaxes(0, 1)
    body = jax.checkpoint(one)  # the backward pass recomputes each chunk's logits instead of storing them
    _, xs = jax.lax.scan(lambda c, x: (c, body(x[0], x[1], embed)), None, (hs, ls))
    return xs.swapaxes(0, 1).reshape(b, n * chunk)[:, :t]


def weighted_terms(xent, batch):
    """Sums and counts for the next-token loss and for the FIM-middle loss of packed rows.

    ``xent[:, t]`` is the loss of predicting token t+1 at position t (T-1 positions). Position t
    predicts token t+1 only inside one segment: no loss on padding, none across a segment boundary."""
    seg = batch["segment_ids"]
    w = (seg[:, 1:] != 0) & (seg[:, 1:] == seg[:, :-1])
    fw = w & batch["fim_mask"][:, 1:]
    w, fw = w.astype(jnp.float32), fw.astype(jnp.float32)
    return {
        "loss_sum": jnp.sum(xent * w),
        "count": jnp.sum(w),
        "fim_loss_sum": jnp.sum(xent * fw),
        "fim_count": jnp.sum(fw),
    }


def loss_terms(logits, batch):
    """``weighted_terms`` from full [B, T, V] logits (the reference the chunked path must equal)."""
    return weighted_terms(xent_from_logits(logits[:, :-1], batch["tokens"][:, 1:]), batch)


def model_loss_terms(model, batch, chunk: int):
    """``weighted_terms`` of a ``Transformer`` on a batch, with the cross-entropy in chunks."""
    hidden = model.hidden(batch["tokens"], batch["positions"], batch["segment_ids"])
    xent = chunked_xent(hidden[:, :-1], model.embed[...], batch["tokens"][:, 1:], chunk)
    return weighted_terms(xent, batch)
