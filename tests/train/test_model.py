"""Gemma-architecture model: packed-row attention and positions, causality, MQA/GQA, loss masking."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from flax import nnx

from repoloom.train.config import ModelConfig, PRESETS
from repoloom.train.model import RMSNorm, Transformer, apply_rope, attention_mask
from repoloom.train.loss import chunked_xent, loss_terms, model_loss_terms, xent_from_logits


def tiny(**kw):
    f = dict(PRESETS["tiny"], vocab_size=97)
    f.update(kw)
    return ModelConfig(**f)


@nnx.jit
def fwd(m, tokens, positions=None, segment_ids=None):
    return m(tokens, positions, segment_ids)


@pytest.fixture(scope="module")
def model():
    return Transformer(tiny(), nnx.Rngs(0))


def test_packed_row_equals_segments_alone(model):
    """Attention confined to the segment + positions from targets_positions: a packed row computes
    for each segment exactly what that segment computes alone."""
    rng = np.random.default_rng(0)
    a, b = rng.integers(3, 97, 9), rng.integers(3, 97, 5)
    row = np.concatenate([a, b, [0, 0]])[None]
    seg = np.array([[1] * 9 + [2] * 5 + [0, 0]])
    pos = np.array([list(range(9)) + list(range(5)) + [0, 0]])
    packed = fwd(model, jnp.asarray(row), jnp.asarray(pos), jnp.asarray(seg))
    alone_a = fwd(model, jnp.asarray(a[None]))
    alone_b = fwd(model, jnp.asarray(b[None]))
    np.testing.assert_allclose(packed[0, :9], alone_a[0], atol=2e-5, rtol=2e-5)
    np.testing.assert_allclose(packed[0, 9:14], alone_b[0], atol=2e-5, rtol=2e-5)
    assert np.isfinite(np.asarray(packed)).all()  # padding rows attend nowhere but stay finite
    # Without the segment ids (one long sequence) the second segment's outputs differ.
    plain = fwd(model, jnp.asarray(row))
    assert not np.allclose(plain[0, 9:14], alone_b[0], atol=1e-3)


def test_causal(model):
    x = np.random.default_rng(1).integers(3, 97, (1, 12))
    y = x.copy()
    y[0, 8] = (y[0, 8] + 1) % 97
    lx, ly = fwd(model, jnp.asarray(x)), fwd(model, jnp.asarray(y))
    np.testing.assert_array_equal(lx[0, :8], ly[0, :8])
    assert not np.allclose(lx[0, 8:], ly[0, 8:])


def test_mask_shape_and_content():
    seg = jnp.array([[1, 1, 2, 2, 0]])
    m = np.asarray(attention_mask(seg))[0, 0]
    expect = np.array([[1, 0, 0, 0, 0], [1, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 1, 1, 0], [0, 0, 0, 0, 0]], bool)
    np.testing.assert_array_equal(m, expect)


def test_rope_is_relative():
    """Rotary embeddings: q·k depends only on the position difference."""
    rng = np.random.default_rng(2)
    q = jnp.asarray(rng.normal(size=(1, 1, 1, 16)), jnp.float32)
    k = jnp.asarray(rng.normal(size=(1, 1, 1, 16)), jnp.float32)
    dot = lambda i, j: float(jnp.sum(apply_rope(q, jnp.array([[i]]), 1e4) * apply_rope(k, jnp.array([[j]]), 1e4)))  # noqa: E731
    assert dot(3, 1) == pytest.approx(dot(12, 10), rel=1e-4)
    assert dot(3, 1) != pytest.approx(dot(3, 2), rel=1e-3)
    # Norm is preserved.
    r = apply_rope(q, jnp.array([[5]]), 1e4)
    assert float(jnp.linalg.norm(r)) == pytest.approx(float(jnp.linalg.norm(q)), rel=1e-5)


def test_rmsnorm_gain_starts_at_one():
    n = RMSNorm(8, 1e-6)
    x = jnp.arange(1.0, 9.0)[None]
    y = n(x)
    np.testing.assert_allclose(np.asarray(y), np.asarray(x / jnp.sqrt(jnp.mean(x**2))), rtol=1e-5)


@pytest.mark.parametrize("kv", [1, 2, 4])
def test_mqa_gqa_mha_shapes(kv):
    m = Transformer(tiny(num_kv_heads=kv), nnx.Rngs(0))
    assert m.layers[0].attn.k[...].shape == (64, kv, 16)
    assert m.layers[0].attn.q[...].shape == (64, 4, 16)
    assert jax.eval_shape(lambda t: m(t), jnp.ones((2, 7), jnp.int32)).shape == (2, 7, 97)


def test_tied_embeddings_and_scaling(model):
    params = nnx.state(model, nnx.Param)
    top = {str(p[0].key) for p, _ in jax.tree_util.tree_leaves_with_path(params)}
    assert top == {"embed", "layers", "final_norm"}  # no separate output matrix

    @nnx.jit
    def by_hand(m, x):  # embed * sqrt(d) -> blocks -> final norm -> tied unembedding
        h = m.embed[...][x] * jnp.sqrt(64.0)
        mask = attention_mask(jnp.ones_like(x))
        pos = jnp.broadcast_to(jnp.arange(x.shape[1]), x.shape)
        for layer in m.layers:
            h = layer(h, pos, mask)
        return m.final_norm(h) @ m.embed[...].T

    x = jnp.array([[5, 6, 7, 8]])
    np.testing.assert_allclose(np.asarray(fwd(model, x)), np.asarray(by_hand(model, x)), rtol=1e-5, atol=1e-5)


def test_bf16_compute_runs():
    m = Transformer(tiny(), nnx.Rngs(0), dtype=jnp.bfloat16)
    out = fwd(m, jnp.ones((1, 5), jnp.int32))
    assert out.dtype == jnp.float32 and np.isfinite(np.asarray(out)).all()
    assert m.embed[...].dtype == jnp.float32  # parameters stay float32


def test_loss_ignores_padding_and_segment_boundaries():
    rng = np.random.default_rng(3)
    tokens = np.array([[2, 10, 11, 12, 2, 13, 14, 0, 0]])
    seg = np.array([[1, 1, 1, 1, 2, 2, 2, 0, 0]])
    fim = np.array([[0, 0, 1, 1, 0, 0, 0, 0, 0]], bool)
    logits = jnp.asarray(rng.normal(size=(1, 9, 20)), jnp.float32)
    batch = {"tokens": jnp.asarray(tokens), "segment_ids": jnp.asarray(seg), "fim_mask": jnp.asarray(fim)}
    t = loss_terms(logits, batch)
    # predictions 0->1, 1->2, 2->3 (segment 1), 4->5, 5->6 (segment 2): 5 targets; 3->4 crosses, 6..8 pad.
    assert float(t["count"]) == 5 and float(t["fim_count"]) == 2
    lp = jax.nn.log_softmax(logits[0])
    want = -(lp[0, 10] + lp[1, 11] + lp[2, 12] + lp[4, 13] + lp[5, 14])
    assert float(t["loss_sum"]) == pytest.approx(float(want), rel=1e-5)
    assert float(t["fim_loss_sum"]) == pytest.approx(float(-(lp[1, 11] + lp[2, 12])), rel=1e-5)
    # Changing logits at positions that carry no loss changes nothing.
    l2 = logits.at[0, 3].set(100.0).at[0, 6:].set(-50.0)
    assert float(loss_terms(l2, batch)["loss_sum"]) == pytest.approx(float(t["loss_sum"]), rel=1e-6)


@pytest.mark.parametrize("chunk", [0, 1, 3, 4, 10, 64])
def test_chunked_cross_entropy_equals_unchunked_with_its_gradient(chunk):
    """Chunks that divide T, that do not (padding), one chunk and none: same values, same gradients."""
    rng = np.random.default_rng(7)
    hidden = jnp.asarray(rng.normal(size=(2, 10, 16)), jnp.float32)
    embed = jnp.asarray(rng.normal(size=(53, 16)), jnp.float32)
    labels = jnp.asarray(rng.integers(0, 53, size=(2, 10)), jnp.int32)
    weights = jnp.asarray(rng.random(size=(2, 10)), jnp.float32)

    def full(h, e):
        return jnp.sum(xent_from_logits(jnp.einsum("btd,vd->btv", h, e), labels) * weights)

    def chunked(h, e):
        return jnp.sum(chunked_xent(h, e, labels, chunk) * weights)

    np.testing.assert_allclose(
        np.asarray(chunked_xent(hidden, embed, labels, chunk)),
        np.asarray(xent_from_logits(jnp.einsum("btd,vd->btv", hidden, embed), labels)),
        rtol=1e-6,
        atol=1e-6,
    )
    g_full = jax.grad(full, argnums=(0, 1))(hidden, embed)
    g_chunk = jax.jit(jax.grad(chunked, argnums=(0, 1)))(hidden, embed)
    for a, b in zip(g_full, g_chunk):
        assert float(jnp.abs(a).max()) > 0
        np.testing.assert_allclose(np.asarray(b), np.asarray(a), rtol=1e-5, atol=1e-6)


def test_model_loss_in_chunks_equals_loss_on_full_logits(model):
    """The trainer's loss (hidden states projected in chunks) == the loss on the model's full logits,
    and so do the parameter gradients."""
    rng = np.random.default_rng(5)
    tokens = jnp.asarray(rng.integers(3, 97, size=(2, 12)), jnp.int32)
    seg = jnp.asarray([[1] * 7 + [2] * 5, [1] * 9 + [0] * 3], jnp.int32)
    pos = jnp.asarray([list(range(7)) + list(range(5)), list(range(9)) + [0] * 3], jnp.int32)
    batch = {"tokens": tokens, "segment_ids": seg, "positions": pos, "fim_mask": jnp.asarray(rng.random((2, 12)) < 0.5)}
    graphdef, params = nnx.split(model, nnx.Param)

    def ref(p):
        m = nnx.merge(graphdef, p)
        return loss_terms(m(tokens, pos, seg), batch)["loss_sum"]

    def chunked(p):
        return model_loss_terms(nnx.merge(graphdef, p), batch, 5)["loss_sum"]

    (v_ref, g_ref), (v_ch, g_ch) = jax.value_and_grad(ref)(params), jax.value_and_grad(chunked)(params)
    assert float(v_ch) == pytest.approx(float(v_ref), rel=1e-6)
    for a, b in zip(jax.tree.leaves(g_ref), jax.tree.leaves(g_ch)):
        np.testing.assert_allclose(np.asarray(b), np.asarray(a), rtol=1e-4, atol=1e-6)
