"""Adapters for data pipelines: pandas, pyarrow, Ray Data, Dask and datatrove.

Each lives in its own module and imports its library only when that module is
imported, so ``import mojibake_fix`` never loads any of them. Install the
matching extra (``pip install 'mojibake-fix[pandas]'``, ``[arrow]``, ``[ray]``,
``[dask]``, ``[datatrove]``). See docs/scaling.md.
"""
