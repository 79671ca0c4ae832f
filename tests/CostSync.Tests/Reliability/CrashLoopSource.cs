using System.Security.Cryptography;
using CostSync.OciEmulator.ObjectStorage;
using CostSync.Tests.Support;

namespace CostSync.Tests.Reliability;

/// <summary>
/// The bling bucket of the crash loop and every version of every object it ever served (SHA-256), so an auditor can tell a
/// complete copy of some version from anything else. Each point adds reports (some large enough to be copied in parts, some
/// uploaded to OCI in parts) and now and then changes one in place.
/// </summary>
internal sealed class CrashLoopSource(EmulatorStore store)
{
    private const int MiB = 1024 * 1024;
    private readonly Dictionary<string, List<string>> _versions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    /// <summary>Every name the source holds now.</summary>
    public IEnumerable<string> Names => store.All.Select(o => o.Name);

    /// <summary>Starts tracking what the bucket already holds (the generated tree): all of it still to copy.</summary>
    public void TrackExisting()
    {
        foreach (var o in store.All)
        {
            Record(o);
        }
    }

    /// <summary>Adds the reports of point <paramref name="point"/>, and on every third point changes a small one in place.</summary>
    public void Mutate(Random random, int point)
    {
        var large = random.Next(1, 3);
        for (var i = 0; i < large; i++)
        {
            // 7 to 16 MiB: two to four parts of 5 MiB.
            var size = (7 * MiB) + random.Next(9 * MiB);
            Put($"FOCUS Reports/2026/12/{point:D2}/large-{i}.csv.gz", size, random, multipart: random.Next(2) == 0);
        }

        var small = random.Next(2, 5);
        for (var i = 0; i < small; i++)
        {
            Put($"reports/cost-csv/{9_100_000_000_000_000L + (point * 10) + i}-00001.csv.gz", random.Next(1, 400_000), random, multipart: i == 1);
        }

        if (point % 3 == 2)
        {
            var candidates = store.All.Where(o => o.Size is > 0 and < 6 * MiB && !_pending.Contains(o.Name)).Select(o => o.Name).ToList();
            var name = candidates[random.Next(candidates.Count)];
            Put(name, random.Next(1, 300_000), random, multipart: false);
            _changed.Add(name);
        }
    }

    /// <summary>What the next run has to do, in requests.</summary>
    public CrashWork Work(long multipartThreshold, long partSize)
    {
        var pending = _pending.Select(n => store.TryGet(n, out var o) ? o : null).OfType<EmulatorObject>().ToList();
        var singles = pending.Where(o => o.Size < multipartThreshold).ToList();
        var multis = pending.Where(o => o.Size >= multipartThreshold).ToList();
        var parts = multis.Sum(o => (int)((o.Size + partSize - 1) / partSize));
        return new CrashWork(
            SourceGets: singles.Count(o => o.Size > 0) + parts,
            SourceHeads: multis.Count,
            Parts: parts,
            MultipartUploads: multis.Count,
            SinglePuts: singles.Count,
            SupersededCopies: _changed.Count);
    }

    /// <summary>Everything the source holds is archived now.</summary>
    public void Archived()
    {
        _pending.Clear();
        _changed.Clear();
    }

    /// <summary>True when <paramref name="sha256"/> is one of the versions <paramref name="name"/> ever had.</summary>
    public bool IsVersionOf(string name, string sha256) => _versions.TryGetValue(name, out var versions) && versions.Contains(sha256);

    /// <summary>The SHA-256 of what the source holds now under <paramref name="name"/>.</summary>
    public string Current(string name) => _versions[name][^1];

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexString(SHA256.HashData(content));

    private void Put(string name, int size, Random random, bool multipart)
    {
        var content = new GeneratedContent(size, random.Next()).ToArray();
        Record(store.Put(name, content, multipart: multipart, partSize: multipart ? 3 * MiB : EmulatorStore.DefaultPartSize));
    }

    private void Record(EmulatorObject o)
    {
        if (!_versions.TryGetValue(o.Name, out var versions))
        {
            _versions[o.Name] = versions = [];
        }

        versions.Add(Sha256(o.Content.Span));
        _pending.Add(o.Name);
    }
}
