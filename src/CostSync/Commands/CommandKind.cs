namespace CostSync.Commands;

/// <summary>What the process was asked to do.</summary>
internal enum CommandKind
{
    Daemon,
    Once,
    List,
    Doctor,
    TestAlert,
    Demo,
    Verify,
    Help,
    Version,
}
