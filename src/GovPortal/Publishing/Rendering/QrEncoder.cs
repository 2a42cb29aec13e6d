namespace GovPortal.Publishing.Rendering;

/// <summary>
/// A QR code encoder for page addresses (ISO/IEC 18004: byte mode, error correction level M, versions 1–40).
/// Written for speed: every article page carries one, and the general-purpose library spent more time on it than on
/// rendering the page itself. The mask is chosen by the standard's penalty rules.
/// </summary>
public static class QrEncoder
{
    // Level M, per version: error correction codewords per block, and number of blocks.
    private static readonly int[] EccCodewordsPerBlock =
        [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28,
            28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];
    private static readonly int[] ErrorCorrectionBlocks =
        [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29,
            31, 33, 35, 37, 38, 40, 43, 45, 47, 49];
    private const int FormatBitsLevelM = 0;

    /// <summary>The modules of the symbol, [row, column], true for dark; no quiet zone.</summary>
    public static bool[,] Encode(ReadOnlySpan<byte> data, int? forcedMask = null)
    {
        var version = 1;
        for (; ; version++)
        {
            if (version > 40) throw new ArgumentException("Data too long for a QR code.", nameof(data));
            var capacityBits = DataCodewords(version) * 8;
            if (4 + (version < 10 ? 8 : 16) + data.Length * 8 <= capacityBits) break;
        }
        var symbol = new Symbol(version);
        symbol.DrawFunctionPatterns();
        symbol.DrawCodewords(AddErrorCorrection(version, DataCodewords(version, data)));

        var mask = forcedMask ?? BestMask(symbol);
        symbol.ApplyMask(mask);
        symbol.DrawFormatBits(mask);
        return symbol.Modules;
    }

    /// <summary>The mask with the lowest penalty (the first such, as the standard orders them).</summary>
    private static int BestMask(Symbol symbol)
    {
        int best = 0;
        long bestPenalty = long.MaxValue;
        for (var mask = 0; mask < 8; mask++)
        {
            symbol.ApplyMask(mask);
            symbol.DrawFormatBits(mask);
            var penalty = symbol.Penalty();
            if (penalty < bestPenalty)
            {
                best = mask;
                bestPenalty = penalty;
            }
            symbol.ApplyMask(mask); // masking twice undoes it
        }
        return best;
    }

    private static int RawDataModules(int version)
    {
        var result = (16 * version + 128) * version + 64;
        if (version >= 2)
        {
            var alignments = version / 7 + 2;
            result -= (25 * alignments - 10) * alignments - 55;
            if (version >= 7) result -= 36;
        }
        return result;
    }

    private static int DataCodewords(int version) =>
        RawDataModules(version) / 8 - EccCodewordsPerBlock[version] * ErrorCorrectionBlocks[version];

    /// <summary>Mode, count, data, terminator and padding, as codewords.</summary>
    private static byte[] DataCodewords(int version, ReadOnlySpan<byte> data)
    {
        var capacity = DataCodewords(version);
        var bits = new BitBuffer(capacity * 8);
        bits.Append(0b0100, 4);
        bits.Append(data.Length, version < 10 ? 8 : 16);
        foreach (var b in data) bits.Append(b, 8);
        bits.Append(0, Math.Min(4, capacity * 8 - bits.Length));
        bits.Append(0, (8 - bits.Length % 8) % 8);
        for (var pad = 0xEC; bits.Length < capacity * 8; pad ^= 0xEC ^ 0x11) bits.Append(pad, 8);
        return bits.ToBytes();
    }

    /// <summary>Splits into blocks, appends Reed–Solomon codewords to each, and interleaves.</summary>
    private static byte[] AddErrorCorrection(int version, byte[] data)
    {
        int blocks = ErrorCorrectionBlocks[version], eccLength = EccCodewordsPerBlock[version];
        var raw = RawDataModules(version) / 8;
        int shortBlocks = blocks - raw % blocks, shortLength = raw / blocks;
        var divisor = ReedSolomonDivisor(eccLength);
        var allBlocks = new byte[blocks][];
        for (int i = 0, offset = 0; i < blocks; i++)
        {
            var dataLength = shortLength - eccLength + (i < shortBlocks ? 0 : 1);
            var block = new byte[shortLength + 1];
            data.AsSpan(offset, dataLength).CopyTo(block);
            offset += dataLength;
            var ecc = ReedSolomonRemainder(block.AsSpan(0, dataLength), divisor);
            // Short blocks keep a gap where long blocks have one more data codeword, so columns line up.
            ecc.CopyTo(block.AsSpan(shortLength + 1 - eccLength));
            allBlocks[i] = block;
        }
        var result = new byte[raw];
        var k = 0;
        for (var i = 0; i < shortLength + 1; i++)
            for (var j = 0; j < blocks; j++)
                if (i != shortLength - eccLength || j >= shortBlocks)
                    result[k++] = allBlocks[j][i];
        return result;
    }

    private static byte[] ReedSolomonDivisor(int degree)
    {
        var result = new byte[degree];
        result[degree - 1] = 1;
        byte root = 1;
        for (var i = 0; i < degree; i++)
        {
            for (var j = 0; j < degree; j++)
            {
                result[j] = GfMultiply(result[j], root);
                if (j + 1 < degree) result[j] ^= result[j + 1];
            }
            root = GfMultiply(root, 0x02);
        }
        return result;
    }

    private static byte[] ReedSolomonRemainder(ReadOnlySpan<byte> data, byte[] divisor)
    {
        var result = new byte[divisor.Length];
        foreach (var b in data)
        {
            var factor = (byte)(b ^ result[0]);
            Array.Copy(result, 1, result, 0, result.Length - 1);
            result[^1] = 0;
            for (var i = 0; i < result.Length; i++) result[i] ^= GfMultiply(divisor[i], factor);
        }
        return result;
    }

    private static byte GfMultiply(byte x, byte y)
    {
        var z = 0;
        for (var i = 7; i >= 0; i--)
        {
            z = (z << 1) ^ ((z >> 7) * 0x11D);
            z ^= ((y >> i) & 1) * x;
        }
        return (byte)z;
    }

    private sealed class BitBuffer(int capacity)
    {
        private readonly byte[] _bytes = new byte[(capacity + 7) / 8];
        public int Length { get; private set; }

        public void Append(int value, int count)
        {
            for (var i = count - 1; i >= 0; i--, Length++)
                if (((value >> i) & 1) != 0) _bytes[Length >> 3] |= (byte)(0x80 >> (Length & 7));
        }

        public byte[] ToBytes() => _bytes;
    }

    // For each version, the modules each of the eight masks inverts (data modules only): computed once, then
    // masking is a byte-wise XOR.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte[][]> MaskPatterns = new();

    private sealed class Symbol
    {
        private readonly int _version;
        private readonly int _size;
        private readonly byte[] _modules;
        private readonly bool[] _function;

        public Symbol(int version)
        {
            _version = version;
            _size = version * 4 + 17;
            _modules = new byte[_size * _size];
            _function = new bool[_size * _size];
        }

        public bool[,] Modules
        {
            get
            {
                var result = new bool[_size, _size];
                for (var y = 0; y < _size; y++)
                    for (var x = 0; x < _size; x++)
                        result[y, x] = _modules[y * _size + x] != 0;
                return result;
            }
        }

        private void Set(int x, int y, bool dark)
        {
            _modules[y * _size + x] = dark ? (byte)1 : (byte)0;
            _function[y * _size + x] = true;
        }

        public void DrawFunctionPatterns()
        {
            for (var i = 0; i < _size; i++)
            {
                Set(6, i, i % 2 == 0);
                Set(i, 6, i % 2 == 0);
            }
            DrawFinder(3, 3);
            DrawFinder(_size - 4, 3);
            DrawFinder(3, _size - 4);
            var positions = AlignmentPositions();
            for (var i = 0; i < positions.Length; i++)
                for (var j = 0; j < positions.Length; j++)
                    if (!(i == 0 && j == 0 || i == 0 && j == positions.Length - 1
                        || i == positions.Length - 1 && j == 0))
                        DrawAlignment(positions[i], positions[j]);
            DrawFormatBits(0); // reserves the area; drawn for real once the mask is known
            DrawVersion();
        }

        private int[] AlignmentPositions()
        {
            if (_version == 1) return [];
            var count = _version / 7 + 2;
            var step = (_version * 8 + count * 3 + 5) / (count * 4 - 4) * 2;
            var result = new int[count];
            result[0] = 6;
            for (int i = count - 1, position = _size - 7; i >= 1; i--, position -= step) result[i] = position;
            return result;
        }

        private void DrawFinder(int x, int y)
        {
            for (var dy = -4; dy <= 4; dy++)
                for (var dx = -4; dx <= 4; dx++)
                {
                    var distance = Math.Max(Math.Abs(dx), Math.Abs(dy));
                    int xx = x + dx, yy = y + dy;
                    if (xx >= 0 && xx < _size && yy >= 0 && yy < _size) Set(xx, yy, distance != 2 && distance != 4);
                }
        }

        private void DrawAlignment(int x, int y)
        {
            for (var dy = -2; dy <= 2; dy++)
                for (var dx = -2; dx <= 2; dx++)
                    Set(x + dx, y + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
        }

        public void DrawFormatBits(int mask)
        {
            var data = FormatBitsLevelM << 3 | mask;
            var remainder = data;
            for (var i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
            var bits = (data << 10 | remainder) ^ 0x5412;
            for (var i = 0; i <= 5; i++) Set(8, i, Bit(bits, i));
            Set(8, 7, Bit(bits, 6));
            Set(8, 8, Bit(bits, 7));
            Set(7, 8, Bit(bits, 8));
            for (var i = 9; i < 15; i++) Set(14 - i, 8, Bit(bits, i));
            for (var i = 0; i < 8; i++) Set(_size - 1 - i, 8, Bit(bits, i));
            for (var i = 8; i < 15; i++) Set(8, _size - 15 + i, Bit(bits, i));
            Set(8, _size - 8, true);
        }

        private void DrawVersion()
        {
            if (_version < 7) return;
            var remainder = _version;
            for (var i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25);
            var bits = _version << 12 | remainder;
            for (var i = 0; i < 18; i++)
            {
                var bit = Bit(bits, i);
                int a = _size - 11 + i % 3, b = i / 3;
                Set(a, b, bit);
                Set(b, a, bit);
            }
        }

        public void DrawCodewords(byte[] data)
        {
            var i = 0;
            for (var right = _size - 1; right >= 1; right -= 2)
            {
                if (right == 6) right = 5;
                for (var vertical = 0; vertical < _size; vertical++)
                    for (var j = 0; j < 2; j++)
                    {
                        var x = right - j;
                        var upward = ((right + 1) & 2) == 0;
                        var y = upward ? _size - 1 - vertical : vertical;
                        if (_function[y * _size + x] || i >= data.Length * 8) continue;
                        _modules[y * _size + x] = Bit(data[i >> 3], 7 - (i & 7)) ? (byte)1 : (byte)0;
                        i++;
                    }
            }
        }

        public void ApplyMask(int mask)
        {
            var pattern = MaskPatterns.GetOrAdd(_version, _ => ComputeMaskPatterns())[mask];
            var modules = _modules.AsSpan();
            var i = 0;
            for (; i + System.Numerics.Vector<byte>.Count <= modules.Length; i += System.Numerics.Vector<byte>.Count)
            {
                var slice = modules.Slice(i, System.Numerics.Vector<byte>.Count);
                (new System.Numerics.Vector<byte>(slice) ^ new System.Numerics.Vector<byte>(pattern, i)).CopyTo(slice);
            }
            for (; i < modules.Length; i++) modules[i] ^= pattern[i];
        }

        private byte[][] ComputeMaskPatterns()
        {
            var patterns = new byte[8][];
            for (var mask = 0; mask < 8; mask++)
            {
                var pattern = patterns[mask] = new byte[_size * _size];
                for (var y = 0; y < _size; y++)
                    for (var x = 0; x < _size; x++)
                    {
                        if (_function[y * _size + x]) continue;
                        var invert = mask switch
                        {
                            0 => (x + y) % 2 == 0,
                            1 => y % 2 == 0,
                            2 => x % 3 == 0,
                            3 => (x + y) % 3 == 0,
                            4 => (x / 3 + y / 2) % 2 == 0,
                            5 => x * y % 2 + x * y % 3 == 0,
                            6 => (x * y % 2 + x * y % 3) % 2 == 0,
                            _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
                        };
                        pattern[y * _size + x] = invert ? (byte)1 : (byte)0;
                    }
            }
            return patterns;
        }

        /// <summary>The standard's penalty: runs, 2×2 blocks, finder-like patterns, dark/light balance.</summary>
        public long Penalty() => _size < 64 ? PenaltyByBits() : PenaltyByModules();

        /// <summary>
        /// <see cref="PenaltyByModules"/> on rows and columns as bit masks (a symbol up to version 11, which holds
        /// every page address): runs are found between transitions, blocks and dark modules by whole rows, without
        /// a branch per module.
        /// </summary>
        private long PenaltyByBits()
        {
            Span<ulong> rows = stackalloc ulong[_size];
            Span<ulong> columns = stackalloc ulong[_size];
            var darkCount = 0;
            for (var y = 0; y < _size; y++)
            {
                ulong row = 0;
                var at = y * _size;
                for (var x = 0; x < _size; x++)
                {
                    ulong dark = _modules[at + x];
                    row |= dark << x;
                    columns[x] |= dark << y;
                }
                rows[y] = row;
                darkCount += System.Numerics.BitOperations.PopCount(row);
            }
            long result = 0;
            foreach (var line in rows) result += LinePenalty(line);
            foreach (var line in columns) result += LinePenalty(line);
            var pairs = (1UL << (_size - 1)) - 1; // bit x: the modules x and x + 1
            for (var y = 0; y + 1 < _size; y++)
            {
                ulong a = rows[y], b = rows[y + 1];
                var blocks = ~(a ^ b) & ~(a ^ (a >> 1)) & ~(b ^ (b >> 1)) & pairs;
                result += 3L * System.Numerics.BitOperations.PopCount(blocks);
            }
            var total = _size * _size;
            var k = (Math.Abs(darkCount * 20 - total * 10) + total - 1) / total - 1;
            return result + k * 10;
        }

        /// <summary>Runs of five or more and finder-like patterns in one row or column, bit x the module x.</summary>
        private long LinePenalty(ulong line)
        {
            long result = 0;
            var history = new RunHistory(_size);
            var runColor = (int)(line & 1);
            // A line that starts dark starts after a light run of no modules (the light border counts for it).
            if (runColor != 0)
            {
                history.Add(0);
                result += history.CountFinderLike() * 40;
            }
            var changes = (line ^ (line >> 1)) & ((1UL << (_size - 1)) - 1); // bit x: the module x + 1 differs
            var start = 0;
            while (changes != 0)
            {
                var end = System.Numerics.BitOperations.TrailingZeroCount(changes) + 1;
                changes &= changes - 1;
                var run = end - start;
                if (run >= 5) result += run - 2;
                history.Add(run);
                if (runColor == 0) result += history.CountFinderLike() * 40;
                runColor ^= 1;
                start = end;
            }
            var last = _size - start;
            if (last >= 5) result += last - 2;
            if (runColor != 0)
            {
                history.Add(last);
                last = 0;
            }
            history.Add(last + _size);
            return result + history.CountFinderLike() * 40;
        }

        /// <summary>The penalty module by module, for symbols too wide for one machine word per row.</summary>
        private long PenaltyByModules()
        {
            long result = 0;
            var m = _modules;
            for (var pass = 0; pass < 2; pass++)
            {
                // Rows, then columns: the same scan with the index steps swapped.
                int outerStep = pass == 0 ? _size : 1, innerStep = pass == 0 ? 1 : _size;
                for (var a = 0; a < _size; a++)
                {
                    var runColor = 0;
                    var run = 0;
                    var history = new RunHistory(_size);
                    var at = a * outerStep;
                    for (var b = 0; b < _size; b++, at += innerStep)
                    {
                        var dark = m[at];
                        if (dark == runColor)
                        {
                            run++;
                            if (run == 5) result += 3;
                            else if (run > 5) result++;
                        }
                        else
                        {
                            history.Add(run);
                            if (runColor == 0) result += history.CountFinderLike() * 40;
                            runColor = dark;
                            run = 1;
                        }
                    }
                    if (runColor != 0)
                    {
                        history.Add(run);
                        run = 0;
                    }
                    history.Add(run + _size);
                    result += history.CountFinderLike() * 40;
                }
            }
            var darkCount = 0;
            for (var y = 0; y < _size; y++)
                for (var x = 0; x < _size; x++)
                {
                    var at = y * _size + x;
                    var color = m[at];
                    darkCount += color;
                    if (x + 1 < _size && y + 1 < _size && color == m[at + 1] && color == m[at + _size]
                        && color == m[at + _size + 1])
                        result += 3;
                }
            var total = _size * _size;
            var k = (Math.Abs(darkCount * 20 - total * 10) + total - 1) / total - 1;
            return result + k * 10;
        }

        /// <summary>
        /// The last seven run lengths of a row or column (newest first), in locals rather than an array.
        /// </summary>
        private struct RunHistory(int size)
        {
            private int _h0, _h1, _h2, _h3, _h4, _h5, _h6;

            public void Add(int run)
            {
                if (_h0 == 0) run += size; // the light border before the first run
                _h6 = _h5; _h5 = _h4; _h4 = _h3; _h3 = _h2; _h2 = _h1; _h1 = _h0; _h0 = run;
            }

            public readonly int CountFinderLike()
            {
                var n = _h1;
                var core = n > 0 && _h2 == n && _h3 == n * 3 && _h4 == n && _h5 == n;
                return (core && _h0 >= n * 4 && _h6 >= n ? 1 : 0) + (core && _h6 >= n * 4 && _h0 >= n ? 1 : 0);
            }
        }

        private static bool Bit(int value, int index) => ((value >> index) & 1) != 0;
    }
}
