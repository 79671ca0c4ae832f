namespace CostSync.Commands;

/// <summary>What the process was asked to do (help, <c>--version</c> and completions are answered by the parser itself).</summary>
internal enum CommandKind
{
    Daemon,
    Once,
    List,
    Doctor,
    TestAlert,
    Demo,
    Verify,
}
