"""Gemma-architecture decoder-only transformer in Flax NNX.

RMSNorm with a zero-initialised ``(1 + scale)`` gain, rotary position
embeddings (half-split layout, base 10000), GeGLU feed-forward (tanh GELU),
multi-query / grouped-query attention, embeddings tied with the output layer and
scaled by ``sqrt(d_model)``, as in Gemma 1 / CodeGemma.

Packed rows: attention is causal and confined to one segment
(``segment_ids``; 0 = padding attends nowhere useful and carries no loss), and
rotary positions come from the row's ``positions`` (restarting at 0 in each
segment), so a packed row computes exactly what each segment would alone.

Parameters are stored in float32 and carry ``out_sharding`` metadata over the
mesh axis ``fsdp``; compute runs in ``dtype`` (bfloat16 on accelerators).
"""

from __future__ import annotations

import math

import jax
import jax.numpy as jnp
from flax import nnx

from .config import ModelConfig

FSDP = "fsdp"


def _sharding(spec) -> dict:
    """``out_sharding`` metadata when a mesh with an ``fsdp`` axis is set (``jax.set_mesh``), else none,
    so the model also builds outside any mesh (tests, eval_shape)."""
    mesh = jax.sharding.get_abstract_mesh()
    if mesh is None or mesh.empty or FSDP not in mesh.axis_names:
        return {}
    return {"out_sharding": spec}


def _param(rngs: nnx.Rngs, shape, std: float, spec) -> nnx.Param:
    init = jax.nn.initializers.normal(stddev=std)
    return nnx.Param(init(rngs.params(), shape, jnp.float32), **_sharding(spec))


class RMSNorm(nnx.Module):
    def __init__(self, dim: int, eps: float):
        self.scale = nnx.Param(jnp.zeros((dim,), jnp.float32), **_sharding((None,)))
        self.eps = eps

    def __call__(self, x):
        xf = x.astype(jnp.float32)
        y = xf * jax.lax.rsqrt(jnp.mean(xf * xf, axis=-1, keepdims=True) + self.eps)
        return (y * (1.0 + self.scale[...])).astype(x.dtype)


def apply_rope(x, positions, base: float):
    """x: [B, T, N, D]; positions: [B, T] ints. Rotates (x[:D/2], x[D/2:]) pairs."""
    d = x.shape[-1]
    half = d // 2
    timescale = base ** (2.0 * jnp.arange(half, dtype=jnp.float32) / d)
    angles = positions.astype(jnp.float32)[..., None] / timescale  # [B, T, half]
    sin = jnp.sin(angles)[:, :, None, :]
    cos = jnp.cos(angles)[:, :, None, :]
    x1, x2 = jnp.split(x.astype(jnp.float32), 2, axis=-1)
    out = jnp.concatenate([x1 * cos - x2 * sin, x2 * cos + x1 * sin], axis=-1)
    return out.astype(x.dtype)


def attention_mask(segment_ids):
    """[B, T] segment ids -> [B, 1, T, T] boolean: causal, same segment, not padding."""
    t = segment_ids.shape[-1]
    causal = jnp.tril(jnp.ones((t, t), dtype=bool))
    same = segment_ids[:, :, None] == segment_ids[:, None, :]
    real = (segment_ids != 0)[:, :, None]
    return (causal[None] & same & real)[:, None]


class Attention(nnx.Module):
    def __init__(self, cfg: ModelConfig, rngs: nnx.Rngs):
        d, h, k, hd = cfg.d_model, cfg.num_heads, cfg.num_kv_heads, cfg.head_dim
        self.cfg = cfg
        self.q = _param(rngs, (d, h, hd), d**-0.5, (FSDP, None, None))
        self.k = _param(rngs, (d, k, hd), d**-0.5, (FSDP, None, None))
        self.v = _param(rngs, (d, k, hd), d**-0.5, (FSDP, None, None))
        self.o = _param(rngs, (h, hd, d), (h * hd) ** -0.5, (None, None, FSDP))

    def __call__(self, x, positions, mask):
        dt = x.dtype
        q = jnp.einsum("btd,dnh->btnh", x, self.q[...].astype(dt))
        k = jnp.einsum("btd,dnh->btnh", x, self.k[...].astype(dt))
        v = jnp.einsum("btd,dnh->btnh", x, self.v[...].astype(dt))
        q = apply_rope(q, positions, self.cfg.rope_base)
        k = apply_rope(k, positions, self.cfg.rope_base)
        # Gemma scales queries by head_dim**-0.5; N query heads share N/K kv heads (MQA when K == 1).
        out = jax.nn.dot_product_attention(q, k, v, mask=mask, scale=self.cfg.head_dim**-0.5)
        return jnp.einsum("btnh,nhd->btd", out, self.o[...].astype(dt))


class FeedForward(nnx.Module):
    def __init__(self, cfg: ModelConfig, rngs: nnx.Rngs):
        d, f = cfg.d_model, cfg.ffn_dim
        self.gate = _param(rngs, (d, f), d**-0.5, (FSDP, None))
        self.up = _param(rngs, (d, f), d**-0.5, (FSDP, None))
        self.down = _param(rngs, (f, d), f**-0.5, (None, FSDP))

    def __call__(self, x):
        dt = x.dtype
        g = jax.nn.gelu(x @ self.gate[...].astype(dt), approximate=True)
        return (g * (x @ self.up[...].astype(dt))) @ self.down[...].astype(dt)


class Block(nnx.Module):
    def __init__(self, cfg: ModelConfig, rngs: nnx.Rngs):
        self.pre_attention_norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.attn = Attention(cfg, rngs)
        self.pre_ffw_norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.mlp = FeedForward(cfg, rngs)

    def __call__(self, x, positions, mask):
        x = x + self.attn(self.pre_attention_norm(x), positions, mask)
        return x + self.mlp(self.pre_ffw_norm(x))


def _batch_sharded(x):
    """FSDP keeps activations split along the batch over ('data', 'fsdp') and gathers weights; say so
    to the partitioner (when a mesh with those axes is set and the batch divides evenly)."""
    mesh = jax.sharding.get_abstract_mesh()
    if mesh is None or mesh.empty or not {"data", FSDP} <= set(mesh.axis_names):
        return x
    if x.shape[0] % (mesh.shape["data"] * mesh.shape[FSDP]):
        return x
    return jax.lax.with_sharding_constraint(x, jax.sharding.PartitionSpec(("data", FSDP), *([None] * (x.ndim - 1))))


class Transformer(nnx.Module):
    def __init__(self, cfg: ModelConfig, rngs: nnx.Rngs, dtype=jnp.float32):
        cfg.validate()
        self.cfg = cfg
        self.dtype = dtype
        # std d**-0.5 so the sqrt(d)-scaled input has unit variance and the tied logits start near 1.
        self.embed = _param(rngs, (cfg.vocab_size, cfg.d_model), cfg.d_model**-0.5, (None, FSDP))
        self.layers = nnx.List([Block(cfg, rngs) for _ in range(cfg.num_layers)])
        self.final_norm = RMSNorm(cfg.d_model, cfg.norm_eps)

    def __call__(self, tokens, positions=None, segment_ids=None):
        """tokens, positions, segment_ids: [B, T] ints -> logits [B, T, V] float32."""
        x = self.hidden(tokens, positions, segment_ids)
        return jnp.einsum("btd,vd->btv", x, self.embed[...].astype(self.dtype)).astype(jnp.float32)

    def hidden(self, tokens, positions=None, segment_ids=None):
        """The final-normed hidden states [B, T, D] (compute dtype); logits are these times the
        embedding (the training loss projects them in chunks, see ``repoloom.train.loss``)."""
        if positions is None:
            positions = jnp.broadcast_to(jnp.arange(tokens.shape[1]), tokens.shape)
        if segment_ids is None:
            segment_ids = jnp.ones_like(tokens)
        emb = self.embed[...]
        x = jnp.take(emb, tokens, axis=0).astype(self.dtype)
        x = x * jnp.asarray(math.sqrt(self.cfg.d_model), self.dtype)
        mask = attention_mask(segment_ids)
        x = _batch_sharded(x)
        for layer in self.layers:
            x = _batch_sharded(layer(x, positions, mask))
        return self.final_norm(x)


def abstract_param_count(cfg: ModelConfig) -> int:
    """Parameters of a model built with ``jax.eval_shape`` (no memory is allocated)."""
    abstract = nnx.eval_shape(lambda: Transformer(cfg, nnx.Rngs(0)))
    state = nnx.state(abstract, nnx.Param)
    return int(sum(math.prod(x.shape) for x in jax.tree.leaves(state)))
