using CostSync.Sync.Planning;

namespace CostSync.Evidence;

/// <summary>A run's evidence origin, and the archive layout its evidence goes to (<see langword="null"/> when the tenancy folder cannot be known).</summary>
internal sealed record EvidenceScope(EvidenceOrigin Origin, KeyLayout? Layout);
