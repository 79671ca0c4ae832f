namespace CostSync.Doctor;

/// <summary>The verdict of one doctor check.</summary>
internal enum DoctorStatus
{
    Ok,
    Warn,
    Fail,
}
