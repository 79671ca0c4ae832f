using System.Runtime;
using CostSync.Sync.Transfer;

namespace CostSync.Hosting;

/// <summary>After a daemon run, hands the memory its part buffers used back to the OS: the daemon then idles for hours at its baseline.</summary>
/// <remarks>
/// The engine gives its buffers back at the end of every run (on Linux their pages go straight back to the OS), but what else the
/// run left behind (and, elsewhere, the buffers) is garbage an idle process never collects, as it allocates nothing. One aggressive,
/// compacting collection after a run that used buffers is cheap next to the copy itself.
/// </remarks>
internal sealed class IdleMemory(PartBufferPool pool)
{
    public void Release()
    {
        if (pool.TakeReleasedBytes() == 0)
        {
            return;
        }

        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
