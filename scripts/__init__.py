"""Developer scripts: spec resolution, generation, builds, the demo and the benchmarks."""
