namespace CostSync.Sync.Verification;

/// <summary>One problem: the object, what is wrong, and what to do about it.</summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Key">The destination key.</param>
/// <param name="Detail">What was found, with the values compared.</param>
/// <param name="Fix">What the operator should do.</param>
internal sealed record VerifyProblem(VerifyProblemKind Kind, string Key, string Detail, string Fix);
