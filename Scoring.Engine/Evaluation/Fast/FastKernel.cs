namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// The compiled double kernel: scores <paramref name="unitCount"/> rows of <paramref name="values"/> into
/// <paramref name="points"/> (scaled longs, <see cref="PointsTable.Undecided"/> where a guard fired) and lists
/// those cells (unit · criteria + criterion) in <paramref name="flagged"/>; returns how many were listed.
/// </summary>
internal delegate int FastKernel(double[] values, long[] points, int[] flagged, int unitCount);
