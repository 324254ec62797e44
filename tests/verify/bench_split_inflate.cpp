// Measures what inflating ONE gzip stream on two cores would cost here, to decide whether the verifier's
// one-pass check can beat its single-core inflate (issue: one-pass verify <= 0.1 of `sha256sum && tar -tzf`).
//
//   bench_split_inflate [FILE [CHUNKS]]  default FILE: /tmp/drconsole-bench-verify-1g.tar.gz (bench_verify makes it)
//
// It times, on the same file and in the same run: ISA-L inflating the whole stream on one core; SHA-256 of the
// file; the verifier's one pass (wall and CPU); and for CHUNKS (default 40) chunks of 1 MiB of compressed data
// spread over the file, the speculative work a second core must do for each (find a block start, decode twice
// with marker histories, resolve the markers). Every speculative chunk is checked byte for byte against the
// true output of a sequential decode stopped exactly at the same block boundaries. From these figures it prints
// the best wall time two cores can reach and that time as a fraction of the shell pair.

#include "DeflateSplit.h"
#include "VerifyTestData.h"
#include "verify/BackupVerifier.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>

#include <isa-l/igzip_lib.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

using namespace dr::verify::deflate;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

double seconds(const QElapsedTimer& clock)
{
    return double(clock.nsecsElapsed()) / 1e9;
}

// A sequential raw-deflate decoder that can be stopped exactly at given bit offsets and keeps its last 32 KiB.
class SequentialDecoder
{
public:
    SequentialDecoder(const std::uint8_t* data, std::size_t size)
        : m_data(data)
        , m_size(size)
    {
        startAt(m_state, data, 0, 0, nullptr);
    }

    /// Decodes up to bit `stopBit`; appends the output to `collect` when given. True when it stopped exactly there,
    /// between two blocks.
    bool runTo(std::uint64_t stopBit, std::vector<std::uint8_t>* collect)
    {
        const std::size_t endByte = std::size_t((stopBit + 7) >> 3);
        if (endByte < m_fedTo)
            return false; // behind what was decoded already: a sequential decoder does not go back
        m_state.next_in = const_cast<std::uint8_t*>(m_data + m_fedTo);
        m_state.avail_in = std::uint32_t(endByte - m_fedTo);
        m_fedTo = endByte;
        for (;;) {
            m_state.next_out = m_buffer.data();
            m_state.avail_out = std::uint32_t(m_buffer.size());
            if (isal_inflate(&m_state) != ISAL_DECOMP_OK)
                return false;
            const std::size_t produced = std::size_t(m_state.next_out - m_buffer.data());
            keep(m_buffer.data(), produced);
            if (collect)
                collect->insert(collect->end(), m_buffer.data(), m_buffer.data() + produced);
            if (m_state.avail_in == 0 && m_state.avail_out != 0)
                break;
        }
        return betweenBlocks(m_state) && consumedBit(m_state, m_data) == stopBit;
    }
    /// The 32 KiB before the current position, plus 16 bytes of padding for the gather.
    const std::vector<std::uint8_t>& history() const { return m_history; }

private:
    void keep(const std::uint8_t* data, std::size_t size)
    {
        if (size >= historySize) {
            std::memcpy(m_history.data(), data + size - historySize, historySize);
        } else {
            std::memmove(m_history.data(), m_history.data() + size, historySize - size);
            std::memcpy(m_history.data() + historySize - size, data, size);
        }
    }

    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_fedTo = 0;
    inflate_state m_state {};
    std::vector<std::uint8_t> m_buffer = std::vector<std::uint8_t>(256 * 1024);
    std::vector<std::uint8_t> m_history = std::vector<std::uint8_t>(historySize + 16);
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString path = args.size() > 1 ? args.at(1) : QStringLiteral("/tmp/drconsole-bench-verify-1g.tar.gz");
    const int chunkCount = std::max(1, args.size() > 2 ? args.at(2).toInt() : 40);
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0) {
        out() << path << ": cannot open (run bench_verify once to generate it)\n";
        return 2;
    }
    const std::size_t fileSize = std::size_t(QFileInfo(path).size());
    const auto* file
        = static_cast<const std::uint8_t*>(mmap(nullptr, fileSize, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0));
    ::close(fd);
    if (file == MAP_FAILED) {
        out() << path << ": cannot map\n";
        return 2;
    }
    inflate_state header {};
    isal_inflate_init(&header);
    header.next_in = const_cast<std::uint8_t*>(file);
    header.avail_in = std::uint32_t(std::min<std::size_t>(fileSize, UINT32_MAX));
    isal_gzip_header gzipHeader {};
    isal_gzip_header_init(&gzipHeader);
    if (isal_read_gzip_header(&header, &gzipHeader) != ISAL_DECOMP_OK) {
        out() << path << ": not a gzip file\n";
        return 2;
    }
    const std::uint8_t* deflate = header.next_in;
    const std::size_t deflateSize = fileSize - std::size_t(deflate - file);
    out() << "file: " << path << " (" << fileSize / (1024 * 1024) << " MiB)\n";
    out().flush();

    // 1. One core, the whole stream, as the verifier does it (gzip member, CRC32 checked).
    QElapsedTimer clock;
    clock.start();
    std::uint64_t inflated = 0;
    {
        inflate_state state {};
        isal_inflate_init(&state);
        state.crc_flag = ISAL_GZIP;
        state.next_in = const_cast<std::uint8_t*>(file);
        state.avail_in = std::uint32_t(std::min<std::size_t>(fileSize, UINT32_MAX));
        std::vector<std::uint8_t> buffer(256 * 1024);
        while (state.block_state != ISAL_BLOCK_FINISH) {
            state.next_out = buffer.data();
            state.avail_out = std::uint32_t(buffer.size());
            if (isal_inflate(&state) != ISAL_DECOMP_OK) {
                out() << "ISA-L failed on " << path << "\n";
                return 1;
            }
            inflated += buffer.size() - state.avail_out;
        }
    }
    const double sequential = seconds(clock);

    // 2. SHA-256 of the file in process.
    clock.restart();
    {
        EVP_MD_CTX* context = EVP_MD_CTX_new();
        EVP_DigestInit_ex(context, EVP_sha256(), nullptr);
        for (std::size_t offset = 0; offset < fileSize; offset += 1 << 20)
            EVP_DigestUpdate(context, file + offset, std::min<std::size_t>(1 << 20, fileSize - offset));
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned length = 0;
        EVP_DigestFinal_ex(context, digest, &length);
        EVP_MD_CTX_free(context);
    }
    const double hash = seconds(clock);

    // 3. The verifier's one pass.
    const double cpuBefore = dr::test::cpuSeconds(RUSAGE_SELF);
    clock.restart();
    dr::VerifyRequest request;
    request.path = path;
    const dr::VerifyReport report = dr::BackupVerifier::verify(request);
    const double onePass = seconds(clock);
    const double onePassCpu = dr::test::cpuSeconds(RUSAGE_SELF) - cpuBefore;
    if (report.state != dr::VerifyState::Passed)
        out() << "  (the verifier did not pass it: " << report.reason << ")\n";

    // 4. + 5. Speculative chunks, each checked against a sequential decode stopped at the same boundaries.
    SequentialDecoder truth(deflate, deflateSize);
    double findTime = 0, decodeTime = 0, resolveTime = 0, resolveAvxTime = 0;
    std::uint64_t speculated = 0, fromHistory = 0;
    std::vector<std::uint8_t> first, second, scalar, trueChunk;
    const std::uint64_t chunkBits = std::uint64_t(1) << 23; // 1 MiB
    int checked = 0;
    std::uint64_t decodedTo = 0; // the bit the sequential decoder has reached
    for (int k = 0; k < chunkCount; ++k) {
        const std::uint64_t from
            = std::uint64_t(deflateSize) * 8 / std::uint64_t(chunkCount + 1) * std::uint64_t(k + 1);
        clock.restart();
        const auto start = findDynamicBlock(deflate, deflateSize, from, from + chunkBits);
        const auto end
            = start ? findDynamicBlock(deflate, deflateSize, *start + chunkBits, *start + 2 * chunkBits) : std::nullopt;
        findTime += seconds(clock);
        if (!start || !end) {
            out() << "  chunk " << k << ": no block start found\n";
            continue;
        }
        if (*start < decodedTo) {
            out() << "  chunk " << k << ": overlaps the one before (the file is small for " << chunkCount
                  << " chunks); skipped\n";
            continue;
        }
        if (!truth.runTo(*start, nullptr)) {
            out() << "  chunk " << k << ": bit " << *start << " is not a block boundary (a false find)\n";
            return 1;
        }
        clock.restart();
        const bool decoded = decodeBlocks(deflate, *start, *end, markerHistory(0), first, 256u << 20)
            && decodeBlocks(deflate, *start, *end, markerHistory(1), second, 256u << 20);
        decodeTime += seconds(clock);
        if (!decoded) {
            out() << "  chunk " << k << ": speculative decode failed\n";
            return 1;
        }
        for (std::size_t i = 0; i < first.size(); ++i)
            fromHistory += first[i] != second[i];
        scalar = first;
        clock.restart();
        const bool resolved = resolveMarkers(scalar, second, truth.history().data());
        resolveTime += seconds(clock);
        clock.restart();
        const bool resolvedAvx = resolveMarkersAvx512(first, second, truth.history().data());
        resolveAvxTime += seconds(clock);
        trueChunk.clear();
        if (!resolved || !truth.runTo(*end, &trueChunk) || scalar != trueChunk || (resolvedAvx && first != trueChunk)) {
            out() << "  chunk " << k << ": resolved output differs from the true output\n";
            return 1;
        }
        if (!resolvedAvx)
            resolveAvxTime = resolveTime;
        speculated += trueChunk.size();
        decodedTo = *end;
        ++checked;
    }
    if (checked == 0)
        return 1;

    out() << "\ntwo-core split of one gzip stream, measured (" << inflated / (1024 * 1024) << " MiB inflated):\n";
    const double perByteSequential = sequential / double(inflated);
    const double resolveBest = std::min(resolveTime, resolveAvxTime);
    const double perByteSpeculative = (findTime + decodeTime + resolveBest) / double(speculated);
    out() << QStringLiteral("  ISA-L inflate on one core        %1 s (%2 ns per output byte)\n")
                 .arg(sequential, 0, 'f', 2)
                 .arg(perByteSequential * 1e9, 0, 'f', 3);
    out() << QStringLiteral(
        "  speculative chunks               %1 of 1 MiB, %2 MiB out, all equal to the true output\n")
                 .arg(checked)
                 .arg(speculated / (1024 * 1024));
    out() << QStringLiteral("    bytes from the unknown history %1 %\n")
                 .arg(100.0 * double(fromHistory) / double(speculated), 0, 'f', 1);
    out() << QStringLiteral(
        "    per output byte: find %1 ns, two decodes %2 ns, resolve %3 ns (AVX-512 %4 ns) = %5 ns (%6 x one core's)\n")
                 .arg(findTime / double(speculated) * 1e9, 0, 'f', 3)
                 .arg(decodeTime / double(speculated) * 1e9, 0, 'f', 3)
                 .arg(resolveTime / double(speculated) * 1e9, 0, 'f', 3)
                 .arg(resolveAvxTime / double(speculated) * 1e9, 0, 'f', 3)
                 .arg(perByteSpeculative * 1e9, 0, 'f', 3)
                 .arg(perByteSpeculative / perByteSequential, 0, 'f', 2);
    const double rest = std::max(0.0, onePassCpu - sequential - hash); // tar reader, CRC, copies
    out() << QStringLiteral("  SHA-256 of the file              %1 s\n").arg(hash, 0, 'f', 2);
    out() << QStringLiteral("  verifier one pass                %1 s wall, %2 s CPU (%3 s beyond inflate and hash)\n")
                 .arg(onePass, 0, 'f', 2)
                 .arg(onePassCpu, 0, 'f', 2)
                 .arg(rest, 0, 'f', 2);

    // Core A inflates the share 1 - x sequentially; core B speculates the share x. All other work (hash, tar
    // reader) may run on either core. Best wall time: A's share alone, or half of all the CPU work, whichever
    // is larger, minimised over x.
    const double all = sequential;
    auto bestWallTime = [&](double speculativePerByte, double* share) {
        const double speculative = speculativePerByte * double(inflated);
        *share = std::clamp((all - hash - rest) / (all + speculative), 0.0, 1.0);
        return std::max(all * (1 - *share), (all * (1 - *share) + speculative * *share + hash + rest) / 2);
    };
    double share = 0;
    const double best = bestWallTime(perByteSpeculative, &share);
    out() << QStringLiteral("\nbest two-core wall time: %1 s with %2 % speculated (one core now: %3 s)\n")
                 .arg(best, 0, 'f', 2)
                 .arg(share * 100, 0, 'f', 0)
                 .arg(onePass, 0, 'f', 2);
    double freeFindShare = 0;
    const double freeFind = bestWallTime(perByteSpeculative - findTime / double(speculated), &freeFindShare);
    out() << QStringLiteral("  even if finding block starts cost nothing: %1 s with %2 % speculated\n")
                 .arg(freeFind, 0, 'f', 2)
                 .arg(freeFindShare * 100, 0, 'f', 0);
    out().flush();

    QProcess pair;
    pair.setStandardOutputFile(QProcess::nullDevice());
    clock.restart();
    pair.start(QStringLiteral("sh"),
        { QStringLiteral("-c"), QStringLiteral("sha256sum \"$1\" && tar -tzf \"$1\""), QStringLiteral("sh"), path });
    pair.waitForFinished(-1);
    const double shellPair = seconds(clock);
    out() << QStringLiteral("sha256sum && tar -tzf            %1 s -> best two-core / pair = %2 (goal <= 0.10), "
                            "one core now / pair = %3\n")
                 .arg(shellPair, 0, 'f', 2)
                 .arg(best / shellPair, 0, 'f', 3)
                 .arg(onePass / shellPair, 0, 'f', 3);
    return 0;
}
