namespace CostSync.State;

/// <summary>Reads and writes <c>last-run.json</c>.</summary>
internal sealed class RunHistoryStore(StateStore store)
{
    public const string FileName = "last-run.json";

    public async Task<RunHistory> ReadAsync(CancellationToken cancellationToken) =>
        await store.ReadAsync<RunHistory>(FileName, cancellationToken) ?? new RunHistory(null, null, null, null);

    public Task WriteAsync(RunHistory history, CancellationToken cancellationToken) =>
        store.WriteAsync(FileName, history, cancellationToken);
}
