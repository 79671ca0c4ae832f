namespace CostSync.Sync.Transfer;

/// <summary>Lets parts filled in parallel feed a whole-object hash strictly in order: part i waits until part i-1 has been hashed.</summary>
internal sealed class PartTurns
{
    private readonly TaskCompletionSource[] _turns;

    public PartTurns(int count)
    {
        _turns = new TaskCompletionSource[count + 1];
        for (var i = 0; i < _turns.Length; i++)
        {
            _turns[i] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _turns[0].SetResult();
    }

    public Task WaitAsync(int index, CancellationToken cancellationToken) => _turns[index].Task.WaitAsync(cancellationToken);

    public void Done(int index) => _turns[index + 1].TrySetResult();
}
