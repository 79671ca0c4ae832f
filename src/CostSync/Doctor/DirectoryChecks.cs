using CostSync.Configuration;
using CostSync.Logging;
using CostSync.State;

namespace CostSync.Doctor;

/// <summary>Doctor's checks of the local folders CostSync writes: the state directory (must be writable) and the log directory.</summary>
internal static class DirectoryChecks
{
    public static DoctorResult State(StateStore store)
    {
        const string Name = "state directory";
        try
        {
            store.EnsureWritable();
            return new DoctorResult(Name, DoctorStatus.Ok, $"`{store.Directory}` is writable");
        }
        catch (StateDirectoryException ex)
        {
            return new DoctorResult(
                Name,
                DoctorStatus.Fail,
                $"`{store.Directory}` {StateDirectoryProblem.Describe(ex.InnerException ?? ex)}; runs cannot take their lock or record state",
                "make it writable for the service user (systemd StateDirectory=costsync), or set CostSync:StateDirectory to a writable folder");
        }
    }

    public static DoctorResult Log(LoggingOptions options, LogFileLocation location, StartupNotes notes)
    {
        const string Name = "log directory";
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return new DoctorResult(Name, DoctorStatus.Ok, "no log file (CostSync:Logging:Path is empty): console only, e.g. journald");
        }

        return notes.LogFileWarning is { } warning
            ? new DoctorResult(Name, DoctorStatus.Warn, warning, "create the folder for the service user (mkdir -p, chown), or set CostSync:Logging:Path to a writable folder")
            : new DoctorResult(Name, DoctorStatus.Ok, $"writing {location.FilePattern}");
    }
}
