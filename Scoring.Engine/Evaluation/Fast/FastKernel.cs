namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// The compiled double kernel: scores <paramref name="unitCount"/> rows of <paramref name="values"/> into
/// <paramref name="points"/> (points · 10^precision, whole numbers held in doubles) and lists the cells where a
/// guard fired (unit · criteria + criterion) in <paramref name="flagged"/>; returns how many were listed. Listed
/// cells hold no meaningful value until the exact pass fills them.
/// </summary>
internal delegate int FastKernel(double[] values, double[] points, int[] flagged, int unitCount);
