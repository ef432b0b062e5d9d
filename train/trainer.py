"""Training: multi-host start, device mesh, sharded state, the jitted step, checkpoints, the loop.

State is functional: ``params`` (an ``nnx.State`` of the model's ``nnx.Param``s, float32, sharded
along the mesh axis ``fsdp``) and ``opt_state`` (optax; the moments shard like the parameters). The
step merges the NNX graph inside ``jax.jit``; batches are global arrays sharded over
``('data', 'fsdp')`` on their batch axis. Checkpoints (orbax) hold params, optimizer state and the
grain iterator state; resuming replays exactly the same computation.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import nnx
from jax.sharding import AxisType, NamedSharding, PartitionSpec as P

from repoloom.core.config import ConfigError

from . import data as data_lib
from .config import ModelConfig, model_config
from .loss import model_loss_terms
from .metrics import MetricsWriter, fmt_duration, fmt_si, mfu
from .model import Transformer

BATCH_AXES = ("data", "fsdp")


# ---------------------------------------------------------------------------- multi-host start


def distributed_init_kwargs(mode: str, env: dict | None = None) -> dict | None:
    """Arguments for ``jax.distributed.initialize`` or None when this is a single-process run.

    ``auto`` starts it when the environment says so: explicit ``JAX_COORDINATOR_ADDRESS`` (with
    ``JAX_NUM_PROCESSES``, ``JAX_PROCESS_ID``, optional ``JAX_LOCAL_DEVICE_IDS``), a multi-host TPU
    slice (``TPU_WORKER_HOSTNAMES`` with several hosts, or ``MEGASCALE_COORDINATOR_ADDRESS``), or a
    Slurm / Open MPI job of several tasks (JAX detects those clusters itself)."""
    env = os.environ if env is None else env
    if mode == "off":
        return None
    if env.get("JAX_COORDINATOR_ADDRESS"):
        try:
            kw: dict[str, Any] = {
                "coordinator_address": env["JAX_COORDINATOR_ADDRESS"],
                "num_processes": int(env["JAX_NUM_PROCESSES"]),
                "process_id": int(env["JAX_PROCESS_ID"]),
            }
        except (KeyError, ValueError) as e:
            raise ConfigError("JAX_COORDINATOR_ADDRESS needs integer JAX_NUM_PROCESSES and JAX_PROCESS_ID") from e
        if env.get("JAX_LOCAL_DEVICE_IDS"):
            kw["local_device_ids"] = [int(x) for x in env["JAX_LOCAL_DEVICE_IDS"].split(",")]
        return kw
    multi = (
        "," in env.get("TPU_WORKER_HOSTNAMES", "")
        or bool(env.get("MEGASCALE_COORDINATOR_ADDRESS"))
        or int(env.get("SLURM_NTASKS", "1") or 1) > 1
        or int(env.get("OMPI_COMM_WORLD_SIZE", "1") or 1) > 1
    )
    if multi or mode == "on":
        return {}  # cluster auto-detection
    return None


def maybe_initialize_distributed(mode: str = "auto") -> bool:
    """Call ``jax.distributed.initialize`` when needed; must run before anything touches a device."""
    kw = distributed_init_kwargs(mode)
    if kw is None or jax.distributed.is_initialized():
        return False
    if os.environ.get("JAX_PLATFORMS", "") == "cpu":
        jax.config.update("jax_cpu_collectives_implementation", "gloo")
    jax.distributed.initialize(**kw)
    return True


# ---------------------------------------------------------------------------- mesh and dtype


def make_mesh(mesh_cfg: dict, devices=None) -> jax.sharding.Mesh:
    devices = list(jax.devices() if devices is None else devices)
    n = len(devices)
    d, f = int(mesh_cfg["data"]), int(mesh_cfg["fsdp"])
    if d == -1 and f == -1:
        raise ConfigError("only one of mesh.data and mesh.fsdp may be -1")
    if d == -1:
        if n % f:
            raise ConfigError(f"mesh.fsdp={f} does not divide the {n} devices")
        d = n // f
    elif f == -1:
        if n % d:
            raise ConfigError(f"mesh.data={d} does not divide the {n} devices")
        f = n // d
    if d * f != n:
        raise ConfigError(f"mesh data={d} x fsdp={f} = {d * f} devices, but there are {n}")
    return jax.make_mesh((d, f), BATCH_AXES, axis_types=(AxisType.Auto, AxisType.Auto), devices=devices)


def compute_dtype(name: str):
    if name == "auto":
        return jnp.bfloat16 if jax.default_backend() in ("gpu", "tpu", "cuda", "rocm") else jnp.float32
    return {"bfloat16": jnp.bfloat16, "float32": jnp.float32}[name]


def check_divisible(mc: ModelConfig, mesh) -> None:
    f = mesh.shape["fsdp"]
    for name, size in (("d_model", mc.d_model), ("ffn_dim", mc.ffn_dim)):
        if size % f:
            raise ConfigError(f"model.{name}={size} is not divisible by mesh.fsdp={f}")


# ---------------------------------------------------------------------------- optimizer and loss


SCHEDULE_KEYS = ("lr", "min_lr_ratio", "warmup_steps", "decay_steps")


def resolve_schedule(train_cfg: dict, previous: dict | None = None, reschedule: bool = False) -> dict:
    """The learning-rate schedule of a run, every value resolved: lr, min_lr_ratio, warmup_steps, decay_steps.

    A resumed run passes the schedule it saved (``previous``) and keeps it, so changing ``--steps``
    extends or shortens the run without re-stretching the decay. With ``reschedule`` the decay spans
    the new ``train.decay_steps`` (default ``train.steps``) and the warm-up already done is kept unless
    ``train.warmup_steps`` is given. A fresh run warms up for ``train.warmup_fraction`` of the decay
    length, at most ``train.warmup_max_steps``, unless ``train.warmup_steps`` is given."""
    if previous is not None and not reschedule:
        return {k: previous[k] for k in SCHEDULE_KEYS}
    decay = int(train_cfg["decay_steps"] or train_cfg["steps"])
    if train_cfg["warmup_steps"] is not None:
        warmup = int(train_cfg["warmup_steps"])
    elif previous is not None:
        warmup = int(previous["warmup_steps"])
    else:
        warmup = min(int(round(decay * float(train_cfg["warmup_fraction"]))), int(train_cfg["warmup_max_steps"]))
    return {
        "lr": float(train_cfg["lr"]),
        "min_lr_ratio": float(train_cfg["min_lr_ratio"]),
        "warmup_steps": min(warmup, max(0, decay - 1)),
        "decay_steps": decay,
    }


def make_optimizer(train_cfg: dict):
    sch = resolve_schedule(train_cfg)
    steps, warmup, lr = sch["decay_steps"], sch["warmup_steps"], sch["lr"]
    schedule = optax.warmup_cosine_decay_schedule(
        init_value=0.0 if warmup else lr,
        peak_value=lr,
        warmup_steps=warmup,
        decay_steps=max(steps, warmup + 1),
        end_value=lr * sch["min_lr_ratio"],
    )
    parts = []
    if train_cfg["clip_norm"]:
        parts.append(optax.clip_by_global_norm(float(train_cfg["clip_norm"])))
    parts.append(
        optax.adamw(
            schedule,
            b1=float(train_cfg["b1"]),
            b2=float(train_cfg["b2"]),
            eps=float(train_cfg["eps"]),
            weight_decay=float(train_cfg["weight_decay"]),
            mask=lambda p: jax.tree.map(lambda x: x.ndim > 1, p),  # no decay on norm gains
        )
    )
    return optax.chain(*parts), schedule


# ---------------------------------------------------------------------------- state


@dataclasses.dataclass
class Setup:
    cfg: dict
    info: data_lib.DatasetInfo
    model_cfg: ModelConfig
    mesh: Any
    dtype: Any
    graphdef: Any
    tx: Any
    schedule: Any
    param_shardings: Any
    opt_shardings: Any
    batch_sharding: Any


def init_state(cfg: dict, info: data_lib.DatasetInfo, mesh=None, *, abstract_only: bool = False):
    """Build the model on the mesh; returns (Setup, params, opt_state). With ``abstract_only`` the
    params/opt_state are ShapeDtypeStructs carrying shardings (for restoring without initialising)."""
    mc = model_config(cfg, info.vocab_size)
    mesh = make_mesh(cfg["mesh"]) if mesh is None else mesh
    check_divisible(mc, mesh)
    dtype = compute_dtype(cfg["train"]["dtype"])
    tx, schedule = make_optimizer(cfg["train"])
    seed = int(cfg["seed"])

    def build():
        return Transformer(mc, nnx.Rngs(seed), dtype=dtype)

    with jax.set_mesh(mesh):
        if abstract_only:
            model = nnx.eval_shape(build)
        else:
            model = build()
    graphdef, params = nnx.split(model, nnx.Param)
    specs = nnx.get_partition_spec(params)
    param_shardings = jax.tree.map(lambda s: NamedSharding(mesh, s), specs, is_leaf=lambda x: isinstance(x, P))
    replicated = NamedSharding(mesh, P())
    opt_shapes = jax.eval_shape(tx.init, params)
    opt_shardings = optax.tree_map_params(
        tx, lambda _, s: s, opt_shapes, param_shardings, transform_non_params=lambda _: replicated
    )
    if abstract_only:
        params = jax.tree.map(lambda a, s: jax.ShapeDtypeStruct(a.shape, a.dtype, sharding=s), params, param_shardings)
        opt_state = jax.tree.map(
            lambda a, s: jax.ShapeDtypeStruct(a.shape, a.dtype, sharding=s), opt_shapes, opt_shardings
        )
    else:
        opt_state = jax.jit(tx.init, out_shardings=opt_shardings)(params)
    setup = Setup(
        cfg=cfg,
        info=info,
        model_cfg=mc,
        mesh=mesh,
        dtype=dtype,
        graphdef=graphdef,
        tx=tx,
        schedule=schedule,
        param_shardings=param_shardings,
        opt_shardings=opt_shardings,
        batch_sharding=NamedSharding(mesh, P(BATCH_AXES)),
    )
    return setup, params, opt_state


def make_train_step(s: Setup):
    graphdef, tx = s.graphdef, s.tx
    chunk = int(s.cfg["train"]["loss_chunk"])
    replicated = NamedSharding(s.mesh, P())

    def step(params, opt_state, batch):
        def loss_fn(p):
            t = model_loss_terms(nnx.merge(graphdef, p), batch, chunk)
            return t["loss_sum"] / jnp.maximum(t["count"], 1.0), t

        (_, terms), grads = jax.value_and_grad(loss_fn, has_aux=True)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        return params, opt_state, {**terms, "grad_norm": optax.global_norm(grads)}

    return jax.jit(
        step,
        in_shardings=(s.param_shardings, s.opt_shardings, s.batch_sharding),
        out_shardings=(s.param_shardings, s.opt_shardings, replicated),
        donate_argnums=(0, 1),
    )


def make_eval_step(s: Setup):
    graphdef = s.graphdef
    chunk = int(s.cfg["train"]["loss_chunk"])

    def step(params, batch):
        return model_loss_terms(nnx.merge(graphdef, params), batch, chunk)

    return jax.jit(step, in_shardings=(s.param_shardings, s.batch_sharding), out_shardings=NamedSharding(s.mesh, P()))


def to_global(batch: dict, sharding) -> dict:
    """Process-local numpy batch -> global jax arrays sharded along the batch axis."""
    return {k: jax.make_array_from_process_local_data(sharding, np.asarray(v)) for k, v in batch.items()}


# ---------------------------------------------------------------------------- checkpoints


def checkpoint_manager(workdir: str, train_cfg: dict, read_only: bool = False):
    import orbax.checkpoint as ocp

    path = os.path.abspath(os.path.join(workdir, "checkpoints"))
    if read_only and not os.path.isdir(path):
        raise ConfigError(f"no checkpoints under {path}")
    opts = ocp.CheckpointManagerOptions(
        max_to_keep=int(train_cfg["keep_checkpoints"]),
        enable_async_checkpointing=bool(train_cfg["async_checkpoint"]) and not read_only,
        create=not read_only,
    )
    return ocp.CheckpointManager(path, options=opts)


def save_checkpoint(mngr, step: int, params, opt_state, data_iter) -> None:
    import grain
    import orbax.checkpoint as ocp

    args = {"state": ocp.args.StandardSave({"params": params, "opt_state": opt_state})}
    if data_iter is not None:
        args["data"] = grain.checkpoint.CheckpointSave(data_iter)
    mngr.save(step, args=ocp.args.Composite(**args), force=True)


def restore_checkpoint(mngr, step: int, abstract_params, abstract_opt, data_iter=None):
    import grain
    import orbax.checkpoint as ocp

    args = {"state": ocp.args.StandardRestore({"params": abstract_params, "opt_state": abstract_opt})}
    if data_iter is not None:
        args["data"] = grain.checkpoint.CheckpointRestore(data_iter)
    r = mngr.restore(step, args=ocp.args.Composite(**args))
    return r["state"]["params"], r["state"]["opt_state"]


# ---------------------------------------------------------------------------- the loop


def _abstract(tree):
    return jax.tree.map(lambda a: jax.ShapeDtypeStruct(a.shape, a.dtype, sharding=a.sharding), tree)


SCHEDULE_FILE = "schedule.json"


def _saved_schedule(workdir: str) -> dict | None:
    path = os.path.join(workdir, SCHEDULE_FILE)
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _schedule_text(sch: dict) -> str:
    return f"warm-up {sch['warmup_steps']} steps, cosine decay to step {sch['decay_steps']}, peak lr {sch['lr']:.2e}"


def train(
    cfg: dict, data_dir: str, workdir: str, *, resume: bool = False, reschedule: bool = False, stream=None, mesh=None
) -> dict:
    """Train per ``cfg``; returns a summary dict (final step, last metrics, paths).

    Progress goes to ``stream`` at once: what is being set up, a line before the first step (which
    waits for compilation), the first step's loss when it is done, then every ``train.log_every``
    steps (and at least every ``train.progress_every_s`` seconds) with tokens/s and the time left."""
    import sys

    stream = stream or sys.stdout
    info = data_lib.load_dataset_info(data_dir)
    os.makedirs(workdir, exist_ok=True)
    n_proc, p_idx = jax.process_count(), jax.process_index()
    is_main = p_idx == 0
    gbatch = int(cfg["train"]["batch_size"])
    if gbatch % n_proc:
        raise ConfigError(f"train.batch_size={gbatch} is not divisible by the {n_proc} processes")
    ckpt_dir = os.path.abspath(os.path.join(workdir, "checkpoints"))
    mngr = checkpoint_manager(workdir, cfg["train"])
    latest = mngr.latest_step()
    if latest is not None and not resume:
        raise ConfigError(
            f"{ckpt_dir} already holds checkpoints (latest step {latest}); pass --resume or use a new --workdir"
        )
    resuming = resume and latest is not None
    previous = _saved_schedule(workdir) if resuming else None
    sch = resolve_schedule(cfg["train"], previous, reschedule)
    asked = resolve_schedule(cfg["train"], previous, True)
    cfg = {**cfg, "train": {**cfg["train"], **sch}}  # the resolved schedule, as saved in config.json
    tcfg = cfg["train"]
    mc = model_config(cfg, info.vocab_size)
    devices = jax.devices()
    mesh = make_mesh(cfg["mesh"]) if mesh is None else mesh
    if is_main:
        print(
            f"repoloom train: preset {cfg['model']['preset']} ({mc.param_count() / 1e6:.2f}M params), "
            f"{len(devices)} {devices[0].device_kind} device(s), mesh {dict(mesh.shape)}, {n_proc} process(es); "
            "setting up the model and data",
            file=stream,
            flush=True,
        )
    setup, params, opt_state = init_state(cfg, info, mesh)
    n_batch_shards = setup.mesh.shape["data"] * setup.mesh.shape["fsdp"]
    if gbatch % n_batch_shards:
        raise ConfigError(f"train.batch_size={gbatch} is not divisible by mesh data x fsdp = {n_batch_shards}")
    it = iter(data_lib.train_dataset(info, cfg, gbatch // n_proc, p_idx, n_proc))
    start = 0
    if resuming:
        params, opt_state = restore_checkpoint(mngr, latest, _abstract(params), _abstract(opt_state), it)
        start = int(latest)
    if is_main:
        with open(os.path.join(workdir, "config.json"), "w") as f:
            json.dump(
                {"config": cfg, "model": dataclasses.asdict(setup.model_cfg), "data": os.path.abspath(data_dir)},
                f,
                indent=2,
            )
        with open(os.path.join(workdir, SCHEDULE_FILE), "w") as f:
            json.dump(sch, f, indent=2)
    writer = MetricsWriter(workdir, enabled=is_main, tensorboard=cfg["metrics"]["tensorboard"], stream=stream)
    _, _, held_desc = data_lib.splits(info, cfg["data"])
    steps = int(tcfg["steps"])
    if is_main:
        kept = ""
        if previous is not None and not reschedule and asked != sch:
            kept = (
                f"\n  schedule kept from the run being resumed; --reschedule fits it to --steps {steps} "
                f"({_schedule_text(asked)})"
            )
        print(
            f"  compute {jnp.dtype(setup.dtype).name}\n"
            f"  data: {info.root} (seq_len {info.seq_len}, vocab {info.vocab_size}); held out: {held_desc}\n"
            f"  schedule: {_schedule_text(sch)}{kept}\n"
            f"  checkpoints: {ckpt_dir}\n  metrics: {writer.path}"
            + (f"\n  tensorboard: {writer.tensorboard_dir}" if writer.tensorboard_dir else "")
            + (f"\n  resumed from step {start}" if start else ""),
            file=stream,
            flush=True,
        )
    step_fn = make_train_step(setup)
    log_every, ckpt_every = max(1, int(tcfg["log_every"])), max(1, int(tcfg["checkpoint_every"]))
    progress_s = float(tcfg["progress_every_s"])
    tokens_per_step = gbatch * info.seq_len
    flops_tok = setup.model_cfg.flops_per_token(info.seq_len)
    kind, ndev = devices[0].device_kind, len(devices)
    pending: list = []
    last: dict = {}
    t_window, steps_window, data_wait = None, 0, 0.0
    step = start
    if is_main and step < steps:
        print(f"step {step}/{steps}: compiling the train step (the first step waits for it)", file=stream, flush=True)
    t_compile = last_print = time.perf_counter()
    with jax.set_mesh(setup.mesh):
        while step < steps:
            t0 = time.perf_counter()
            local = next(it)
            data_wait += time.perf_counter() - t0
            batch = to_global(local, setup.batch_sharding)
            params, opt_state, m = step_fn(params, opt_state, batch)
            step += 1
            pending.append(m)
            log_now = step % log_every == 0 or step == steps
            if t_window is None:  # first step of this process: compile; start the clock after it
                first = jax.device_get(m)
                t_window, steps_window, data_wait = time.perf_counter(), 0, 0.0
                if is_main and not log_now:
                    loss = float(first["loss_sum"]) / max(float(first["count"]), 1.0)
                    print(
                        f"step {step}/{steps}  loss {loss:.4f}  (compiling and running the first step took "
                        f"{fmt_duration(t_window - t_compile)}; tokens/s and time left follow)",
                        file=stream,
                        flush=True,
                    )
                last_print = t_window
            else:
                steps_window += 1
            if log_now:
                got = jax.device_get(pending)
                pending = []
                now = time.perf_counter()
                tot = {k: float(sum(g[k] for g in got)) for k in ("loss_sum", "count", "fim_loss_sum", "fim_count")}
                tps = steps_window * tokens_per_step / (now - t_window) if steps_window else None
                last = {
                    "loss": tot["loss_sum"] / max(tot["count"], 1.0),
                    "fim_loss": tot["fim_loss_sum"] / tot["fim_count"] if tot["fim_count"] else None,
                    "grad_norm": float(got[-1]["grad_norm"]),
                    "lr": float(setup.schedule(step - 1)),
                    "tokens_per_s": tps,
                    "mfu": mfu(flops_tok, tps, kind, ndev) if tps else None,
                    "data_wait_frac": data_wait / (now - t_window) if steps_window else None,
                }
                fim_s = "-" if last["fim_loss"] is None else f"{last['fim_loss']:.4f}"
                mfu_s = "-" if last["mfu"] is None else f"{100 * last['mfu']:.1f}%"
                line = (
                    f"step {step}/{steps}  loss {last['loss']:.4f}  fim {fim_s}  lr {last['lr']:.2e}"
                    f"  gnorm {last['grad_norm']:.3f}  tok/s {fmt_si(tps)}  mfu {mfu_s}"
                    f"  {_time_left(steps - step, now - t_window, steps_window)}"
                )
                writer.write(step, last, line)
                t_window, steps_window, data_wait = time.perf_counter(), 0, 0.0
                last_print = t_window
            elif is_main and progress_s > 0 and time.perf_counter() - last_print >= progress_s:
                jax.block_until_ready(m)  # a progress line between log steps: speed and time left only
                now = last_print = time.perf_counter()
                tps = steps_window * tokens_per_step / (now - t_window)
                print(
                    f"step {step}/{steps}  tok/s {fmt_si(tps)}  {_time_left(steps - step, now - t_window, steps_window)}",
                    file=stream,
                    flush=True,
                )
            if step % ckpt_every == 0 or step == steps:
                save_checkpoint(mngr, step, params, opt_state, it)
    mngr.wait_until_finished()
    mngr.close()
    writer.close()
    if is_main:
        print(f"done: step {step}; checkpoints in {ckpt_dir}; metrics in {writer.path}", file=stream, flush=True)
    return {
        "step": step,
        "last": last,
        "checkpoints": ckpt_dir,
        "metrics": writer.path,
        "params": params,
        "setup": setup,
    }


def _time_left(steps_left: int, seconds: float, steps_done: int) -> str:
    if steps_left <= 0:
        return "ETA 0s"
    if steps_done <= 0:
        return "ETA -"
    return f"ETA {fmt_duration(steps_left * seconds / steps_done)}"
