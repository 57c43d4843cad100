import bench from './tests/bench/analysis.bench.ts';
console.log(await bench());
