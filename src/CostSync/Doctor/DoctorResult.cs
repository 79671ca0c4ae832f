namespace CostSync.Doctor;

/// <summary>One doctor line: which check, its verdict, what was seen, and a one-line fix when it is not OK.</summary>
internal sealed record DoctorResult(string Check, DoctorStatus Status, string Detail, string? Fix = null);
