namespace CostSync.OciEmulator.ObjectStorage;

/// <summary>One ListObjects page.</summary>
internal sealed record ListingPage(IReadOnlyList<EmulatorObject> Objects, IReadOnlyList<string> Prefixes, string? NextStartWith);
