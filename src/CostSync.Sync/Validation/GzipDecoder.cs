using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Zip.Compression;

namespace CostSync.Sync.Validation;

/// <summary>
/// Decodes a gzip stream (RFC 1952) pushed to it in pieces, in order, handing the decompressed bytes to a sink. The pieces are
/// read in place (the inflater works on the caller's array) and only a 64 KiB output window is held. It parses the framing
/// itself because .NET's <c>GZipStream</c> pulls its input and reports neither a truncated stream nor bytes after its end;
/// the inflating is SharpZipLib's push-style <see cref="Inflater"/>. Every member's CRC-32 and length trailer is checked.
/// </summary>
internal sealed class GzipDecoder(DecodedBytes sink)
{
    private const int OutputSize = 64 * 1024;
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;
    private const byte FlagReserved = 0xE0;

    private readonly byte[] _field = new byte[10];
    private readonly Crc32 _crc = new();
    private byte[]? _output;
    private Inflater? _inflater;
    private Phase _phase = Phase.Fixed;
    private int _fieldLength;
    private int _skip;
    private byte _flags;
    private long _memberOut;
    private string? _problem;

    private enum Phase
    {
        Fixed,
        ExtraLength,
        Extra,
        Name,
        Comment,
        HeaderCrc,
        Deflate,
        Trailer,
        AfterMember,
        Stopped,
        Failed,
    }

    /// <summary>Compressed bytes received.</summary>
    public long BytesIn { get; private set; }

    /// <summary>Complete gzip members decoded.</summary>
    public int Members { get; private set; }

    /// <summary>True once the sink asked for no more: the rest of the stream is not looked at.</summary>
    public bool Stopped => _phase == Phase.Stopped;

    /// <summary>True once further bytes change nothing (stopped on purpose, or the stream is already known to be bad).</summary>
    public bool Done => _phase is Phase.Stopped or Phase.Failed;

    /// <summary>True when the stream so far ends exactly after a complete member.</summary>
    public bool AtEndOfMember => _phase == Phase.AfterMember;

    public void Append(ReadOnlyMemory<byte> bytes)
    {
        if (Done)
        {
            // Touches no state: once done, pieces may arrive from several threads at once.
            return;
        }

        BytesIn += bytes.Length;
        if (MemoryMarshal.TryGetArray(bytes, out var segment))
        {
            Decode(segment.Array!, segment.Offset, segment.Count);
            return;
        }

        // Not array-backed: go through a small window instead (the inflater reads arrays).
        var window = ArrayPool<byte>.Shared.Rent(OutputSize);
        try
        {
            for (var offset = 0; offset < bytes.Length && _phase is not (Phase.Stopped or Phase.Failed); offset += OutputSize)
            {
                var piece = bytes.Span.Slice(offset, Math.Min(OutputSize, bytes.Length - offset));
                piece.CopyTo(window);
                Decode(window, 0, piece.Length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(window);
        }
    }

    /// <summary>After the last byte: null when the stream is complete (or was stopped early on purpose), else what is wrong with it.</summary>
    public string? Complete()
    {
        ReleaseInflater();
        return _phase switch
        {
            Phase.Failed => _problem,
            Phase.Stopped or Phase.AfterMember => null,
            _ when BytesIn == 0 => "the object is empty (0 bytes), not a gzip stream",
            Phase.Fixed when _fieldLength < 2 => "not a gzip stream: it ends after 1 byte",
            Phase.Deflate => $"the gzip stream is truncated: it ends inside the compressed data ({Units(BytesIn)} read)",
            Phase.Trailer => "the gzip stream is truncated: it ends inside its CRC-32 and length trailer",
            _ => "the gzip stream is truncated: it ends inside its header",
        };
    }

    private void Decode(byte[] array, int offset, int count)
    {
        var end = offset + count;
        while (offset < end && _phase is not (Phase.Stopped or Phase.Failed))
        {
            offset = _phase == Phase.Deflate ? Inflate(array, offset, end) : Frame(array, offset, end);
        }
    }

    /// <summary>Consumes framing bytes (header fields, trailer, the start of a next member); returns the new offset.</summary>
    private int Frame(byte[] array, int offset, int end)
    {
        var b = array[offset];
        switch (_phase)
        {
            case Phase.AfterMember when b != 0x1F:
                return Fail($"{Units(BytesIn - (end - offset))} of gzip data are followed by {Units(end - offset)} or more that are not a gzip member");
            case Phase.AfterMember:
                _phase = Phase.Fixed;
                _fieldLength = 0;
                return offset;
            case Phase.Fixed:
                _field[_fieldLength++] = b;
                if (_fieldLength == 2 && (_field[0] != 0x1F || _field[1] != 0x8B))
                {
                    return Fail(Members == 0 ? NotGzip(_field[0], _field[1]) : "the gzip stream is followed by bytes that are not a gzip member");
                }

                return _fieldLength == 10 ? FixedHeaderDone(offset + 1) : offset + 1;
            case Phase.ExtraLength:
                _field[_fieldLength++] = b;
                if (_fieldLength == 2)
                {
                    _skip = BinaryPrimitives.ReadUInt16LittleEndian(_field);
                    _phase = Phase.Extra;
                    if (_skip == 0)
                    {
                        NextHeaderField();
                    }
                }

                return offset + 1;
            case Phase.Extra:
                var skipped = Math.Min(_skip, end - offset);
                _skip -= skipped;
                if (_skip == 0)
                {
                    NextHeaderField();
                }

                return offset + skipped;
            case Phase.Name or Phase.Comment:
                var zero = Array.IndexOf(array, (byte)0, offset, end - offset);
                if (zero < 0)
                {
                    return end;
                }

                NextHeaderField();
                return zero + 1;
            case Phase.HeaderCrc:
                if (++_fieldLength == 2)
                {
                    StartDeflate();
                }

                return offset + 1;
            case Phase.Trailer:
                _field[_fieldLength++] = b;
                return _fieldLength == 8 ? CheckTrailer(offset + 1) : offset + 1;
            default:
                return end;
        }
    }

    private int FixedHeaderDone(int offset)
    {
        if (_field[2] != 8)
        {
            return Fail($"the gzip stream uses compression method {_field[2]}, not deflate (8)");
        }

        _flags = _field[3];
        if ((_flags & FlagReserved) != 0)
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"the gzip header sets reserved flag bits (0x{_flags:X2})"));
        }

        _phase = Phase.Fixed;
        NextHeaderField();
        return offset;
    }

    /// <summary>Moves to the next optional header field the flags announce, in RFC 1952's order, then to the compressed data.</summary>
    private void NextHeaderField()
    {
        _fieldLength = 0;
        var next = _phase switch
        {
            Phase.Fixed => Phase.ExtraLength,
            Phase.ExtraLength or Phase.Extra => Phase.Name,
            Phase.Name => Phase.Comment,
            _ => Phase.HeaderCrc,
        };
        _phase = next;
        var present = next switch
        {
            Phase.ExtraLength => (_flags & FlagExtra) != 0,
            Phase.Name => (_flags & FlagName) != 0,
            Phase.Comment => (_flags & FlagComment) != 0,
            _ => (_flags & FlagHeaderCrc) != 0,
        };
        if (!present)
        {
            if (next == Phase.HeaderCrc)
            {
                StartDeflate();
            }
            else
            {
                NextHeaderField();
            }
        }
    }

    private void StartDeflate()
    {
        _inflater ??= new Inflater(noHeader: true);
        _inflater.Reset();
        _output ??= new byte[OutputSize];
        _crc.Reset();
        _memberOut = 0;
        _phase = Phase.Deflate;
    }

    private int Inflate(byte[] array, int offset, int end)
    {
        var inflater = _inflater!;
        var output = _output!;
        inflater.SetInput(array, offset, end - offset);
        while (true)
        {
            int produced;
            try
            {
                produced = inflater.Inflate(output);
            }
            catch (Exception e) when (e is SharpZipBaseException or InvalidOperationException or IndexOutOfRangeException or ArgumentException)
            {
                // Whatever the inflater makes of damaged data, it is a finding about the report, never a failed copy.
                return Fail($"the compressed data is damaged after {Units(_memberOut)} of output ({e.Message})");
            }

            if (produced > 0)
            {
                _crc.Append(output.AsSpan(0, produced));
                _memberOut += produced;
                if (!sink(output.AsSpan(0, produced)))
                {
                    _phase = Phase.Stopped;
                    ReleaseInflater();
                    return end;
                }
            }

            if (inflater.IsFinished)
            {
                // The deflate data ended inside this piece: the trailer starts right after it.
                _phase = Phase.Trailer;
                _fieldLength = 0;
                return end - inflater.RemainingInput;
            }

            if (produced == 0 && inflater.IsNeedingInput)
            {
                return end;
            }

            if (produced == 0)
            {
                return Fail("the compressed data asks for a preset dictionary, which gzip does not allow");
            }
        }
    }

    private int CheckTrailer(int offset)
    {
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(_field);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(_field.AsSpan(4));
        if (crc != _crc.GetCurrentHashAsUInt32())
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"the gzip trailer's CRC-32 ({crc:x8}) does not match the decompressed data ({_crc.GetCurrentHashAsUInt32():x8})"));
        }

        if (size != unchecked((uint)_memberOut))
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"the gzip trailer's length ({size}) does not match the decompressed data ({_memberOut} bytes)"));
        }

        Members++;
        _phase = Phase.AfterMember;
        return offset;
    }

    private int Fail(string problem)
    {
        _problem = problem;
        _phase = Phase.Failed;
        ReleaseInflater();
        return int.MaxValue;
    }

    private void ReleaseInflater()
    {
        _inflater = null;
        _output = null;
    }

    private static string NotGzip(byte first, byte second) => (first, second) switch
    {
        ((byte)'P', (byte)'K') => "not a gzip stream: it looks like a ZIP archive",
        (0xEF, 0xBB) => "not a gzip stream: it starts with a UTF-8 byte order mark (uncompressed text)",
        _ when IsText(first) && IsText(second) => "not a gzip stream: it looks like uncompressed text",
        _ => string.Create(CultureInfo.InvariantCulture, $"not a gzip stream: it starts with bytes {first:X2} {second:X2}, not 1F 8B"),
    };

    private static bool IsText(byte b) => b is (byte)'\t' or (byte)'\r' or (byte)'\n' or (>= 0x20 and < 0x7F);

    private static string Units(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}
