#include "verify/VerifyStreams.h"

#include <isa-l/igzip_lib.h>
#include <openssl/evp.h>

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <sys/stat.h>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <vector>

namespace dr::verify {

Result<void> ByteStream::drain()
{
    return consumeAll(*this, [](const Block&) { return Result<void>(); });
}

namespace {

Error corrupt(const QString& message)
{
    return makeError(Error::Code::Corrupt, message);
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// RawFileSource

struct RawFileSource::State
{
    // 16 chunks of 1 MiB: the reader thread may run ahead of the decoder by this much, no further. Enough
    // slack that neither thread stalls when the other one is descheduled for a while on a busy machine.
    static constexpr int slotCount = 16;
    static constexpr std::size_t chunkSize = std::size_t(1) << 20;
    // Progress is reported every this many bytes, not on every read.
    static constexpr qint64 progressStep = qint64(16) << 20;

    QString path;
    const std::atomic_bool* cancel = nullptr;
    std::function<void(qint64, qint64)> progress;

    int fd = -1;
    qint64 sizeAtOpen = 0;
    qint64 bytesRead = 0; // handed to the consumer
    qint64 nextProgressAt = 0;
    bool ended = false;

    // The reader thread reads and hashes; the consumer (the decoder, on the caller's thread) takes the chunks.
    std::unique_ptr<std::uint8_t[]> buffer;
    std::size_t slotSizes[slotCount] = {};
    std::mutex mutex;
    std::condition_variable changed;
    qint64 produced = 0; // chunks read and hashed (the last one of size 0 marks the end)
    qint64 released = 0; // chunks the consumer is done with
    qint64 taken = 0; // chunks handed to the consumer (the last one is still in use)
    bool stopping = false;
    bool readerDone = false;
    std::optional<Error> readError;
    bool hashFailed = false;
    EVP_MD_CTX* digest = nullptr;
    std::thread reader;

    std::uint8_t* slot(qint64 chunk) { return buffer.get() + std::size_t(chunk % slotCount) * chunkSize; }

    void readLoop()
    {
        for (qint64 chunk = 0;; ++chunk) {
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stopping || released > chunk - slotCount; });
                if (stopping)
                    break;
            }
            std::uint8_t* target = slot(chunk);
            std::size_t filled = 0;
            std::optional<Error> failure;
            while (filled < chunkSize) {
                const ssize_t got = ::read(fd, target + filled, chunkSize - filled);
                if (got < 0 && errno == EINTR)
                    continue;
                if (got < 0) {
                    failure = makeError(Error::Code::Io,
                        RawFileSource::tr("read error: %1").arg(QString::fromLocal8Bit(strerror(errno))));
                    break;
                }
                if (got == 0)
                    break;
                filled += std::size_t(got);
            }
            const bool hashed = failure || filled == 0 || EVP_DigestUpdate(digest, target, filled) == 1;
            std::lock_guard lock(mutex);
            if (!hashed)
                hashFailed = true;
            if (failure) {
                readError = failure;
                break;
            }
            slotSizes[chunk % slotCount] = filled;
            ++produced;
            changed.notify_all();
            if (filled == 0)
                break;
        }
        std::lock_guard lock(mutex);
        readerDone = true;
        changed.notify_all();
    }

    void stopReader()
    {
        if (!reader.joinable())
            return;
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        changed.notify_all();
        reader.join();
    }
};

RawFileSource::RawFileSource(const QString& path, qint64 expectedSize, const std::atomic_bool* cancel,
    std::function<void(qint64, qint64)> progress)
    : d(std::make_unique<State>())
{
    Q_UNUSED(expectedSize) // the verifier compares sizes before it opens the file
    d->path = path;
    d->cancel = cancel;
    d->progress = std::move(progress);
}

RawFileSource::~RawFileSource()
{
    d->stopReader();
    if (d->digest)
        EVP_MD_CTX_free(d->digest);
    if (d->fd >= 0)
        ::close(d->fd);
}

Result<void> RawFileSource::open()
{
    const QByteArray nativePath = QFile::encodeName(d->path);
    d->fd = ::open(nativePath.constData(), O_RDONLY | O_CLOEXEC);
    if (d->fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return makeError(Error::Code::NotFound, tr("the file no longer exists (it vanished after it was listed)"));
        return makeError(Error::Code::Io, tr("cannot open the file: %1").arg(QString::fromLocal8Bit(strerror(error))));
    }
    struct stat info
    {
    };
    if (::fstat(d->fd, &info) != 0)
        return makeError(
            Error::Code::Io, tr("cannot read the file's size: %1").arg(QString::fromLocal8Bit(strerror(errno))));
    if (!S_ISREG(info.st_mode))
        return makeError(Error::Code::InvalidInput, tr("not a regular file"));
    d->sizeAtOpen = info.st_size;
    ::posix_fadvise(d->fd, 0, 0, POSIX_FADV_SEQUENTIAL);

    d->digest = EVP_MD_CTX_new();
    if (!d->digest || EVP_DigestInit_ex(d->digest, EVP_sha256(), nullptr) != 1)
        return makeError(Error::Code::Internal, tr("OpenSSL could not start a SHA-256 digest"));
    d->buffer = std::make_unique_for_overwrite<std::uint8_t[]>(State::slotCount * State::chunkSize);
    d->reader = std::thread([this] { d->readLoop(); });
    return {};
}

Result<Block> RawFileSource::next()
{
    if (d->ended)
        return Block {};
    if (d->cancel && d->cancel->load(std::memory_order_relaxed))
        return makeError(Error::Code::Cancelled, tr("cancelled"));

    std::size_t size = 0;
    qint64 chunk = 0;
    {
        std::unique_lock lock(d->mutex);
        // Asking for the next chunk releases the one handed out before.
        chunk = d->taken;
        d->released = chunk;
        d->changed.notify_all();
        d->changed.wait(lock, [&] { return d->produced > chunk || d->readerDone; });
        if (d->produced <= chunk) {
            d->ended = true;
            if (d->readError)
                return *d->readError;
            return makeError(Error::Code::Internal, tr("the reader stopped early"));
        }
        size = d->slotSizes[chunk % State::slotCount];
        d->taken = chunk + 1;
    }
    d->bytesRead += qint64(size);
    if (size == 0) {
        d->ended = true;
        if (d->progress)
            d->progress(d->bytesRead, d->sizeAtOpen);
        // A file that changes under the reader is no verdict on the backup: verify it again once it is still.
        if (d->bytesRead < d->sizeAtOpen)
            return makeError(Error::Code::Io,
                tr("the file shrank while it was read (%1 of %2 bytes)").arg(d->bytesRead).arg(d->sizeAtOpen));
        if (d->bytesRead > d->sizeAtOpen)
            return makeError(Error::Code::Io,
                tr("the file grew while it was read (%1 bytes, %2 when opened): is it still being written?")
                    .arg(d->bytesRead)
                    .arg(d->sizeAtOpen));
        return Block {};
    }
    if (d->progress && d->bytesRead >= d->nextProgressAt) {
        d->progress(d->bytesRead, d->sizeAtOpen);
        d->nextProgressAt = d->bytesRead + State::progressStep;
    }
    return Block { d->slot(chunk), size };
}

QString RawFileSource::sha256Hex()
{
    d->stopReader();
    if (!d->ended || d->hashFailed || !d->digest || d->readError)
        return {};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(d->digest, digest, &length) != 1)
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex());
}

qint64 RawFileSource::bytesRead() const
{
    return d->bytesRead;
}

// ---------------------------------------------------------------------------------------------------------------
// DecryptStream

struct DecryptStream::State
{
    static constexpr std::size_t maxStep = std::size_t(1) << 20;
    static constexpr int iterations = 10000; // `openssl enc -pbkdf2` default

    ByteStream* upstream = nullptr;
    const QByteArray* passphrase = nullptr;
    EVP_CIPHER_CTX* cipher = nullptr;
    std::uint8_t header[headerSize] = {};
    int headerFilled = 0;
    bool started = false;
    bool finished = false;
    bool keyConfirmed = false;
    qint64 cipherBytes = 0;
    Block pending;
    std::size_t pendingOffset = 0;
    std::vector<std::uint8_t> out = std::vector<std::uint8_t>(maxStep + 2 * EVP_MAX_BLOCK_LENGTH);
};

DecryptStream::DecryptStream(ByteStream& upstream, const QByteArray& passphrase)
    : d(std::make_unique<State>())
{
    d->upstream = &upstream;
    d->passphrase = &passphrase;
}

DecryptStream::~DecryptStream()
{
    if (d->cipher)
        EVP_CIPHER_CTX_free(d->cipher); // also wipes the expanded key
}

void DecryptStream::confirmKey()
{
    d->keyConfirmed = true;
}

bool DecryptStream::hasMagic(const Block& head)
{
    return head.size >= 8 && std::memcmp(head.data, "Salted__", 8) == 0;
}

Result<Block> DecryptStream::next()
{
    if (d->finished)
        return Block {};
    for (;;) {
        if (d->pendingOffset == d->pending.size) {
            auto block = d->upstream->next();
            if (!block)
                return block.error();
            d->pending = *block;
            d->pendingOffset = 0;
            if (block->atEnd()) {
                d->finished = true;
                if (!d->started)
                    return corrupt(tr("not an openssl-encrypted file (shorter than the \"Salted__\" header)"));
                if (d->cipherBytes % 16 != 0)
                    return corrupt(tr("truncated: the encrypted data is not a whole number of AES blocks (%1 bytes)")
                                       .arg(d->cipherBytes));
                int length = 0;
                // Whole blocks whose padding is wrong: the key is wrong, or the end of the file is damaged. Once
                // the content confirmed the key, it is the file.
                if (EVP_DecryptFinal_ex(d->cipher, d->out.data(), &length) != 1) {
                    if (d->keyConfirmed)
                        return corrupt(tr("damaged or cut short: its last encrypted block does not decrypt, though "
                                          "the key opened the %1 bytes before it")
                                           .arg(d->cipherBytes));
                    return makeError(Error::Code::AuthFailed,
                        tr("wrong key or not encrypted with this key (the last block does not decrypt)"));
                }
                return Block { d->out.data(), std::size_t(length) };
            }
        }
        const std::uint8_t* in = d->pending.data + d->pendingOffset;
        const std::size_t available = d->pending.size - d->pendingOffset;

        if (!d->started) {
            const std::size_t take = std::min<std::size_t>(available, std::size_t(headerSize - d->headerFilled));
            std::memcpy(d->header + d->headerFilled, in, take);
            d->headerFilled += int(take);
            d->pendingOffset += take;
            if (d->headerFilled < headerSize)
                continue;
            if (std::memcmp(d->header, "Salted__", 8) != 0)
                return corrupt(tr("not an openssl-encrypted file (no \"Salted__\" header)"));
            std::uint8_t keyAndIv[48];
            const bool derived = PKCS5_PBKDF2_HMAC(d->passphrase->constData(), int(d->passphrase->size()),
                                     d->header + 8, 8, State::iterations, EVP_sha256(), sizeof keyAndIv, keyAndIv)
                == 1;
            d->cipher = EVP_CIPHER_CTX_new();
            const bool initialised = derived && d->cipher
                && EVP_DecryptInit_ex(d->cipher, EVP_aes_256_cbc(), nullptr, keyAndIv, keyAndIv + 32) == 1;
            OPENSSL_cleanse(keyAndIv, sizeof keyAndIv);
            if (!initialised)
                return makeError(Error::Code::Internal, tr("OpenSSL could not set up AES-256-CBC decryption"));
            d->started = true;
            continue;
        }

        const std::size_t take = std::min(available, State::maxStep);
        int length = 0;
        if (EVP_DecryptUpdate(d->cipher, d->out.data(), &length, in, int(take)) != 1)
            return makeError(Error::Code::Internal, tr("OpenSSL AES-256-CBC decryption failed"));
        d->pendingOffset += take;
        d->cipherBytes += qint64(take);
        if (length > 0)
            return Block { d->out.data(), std::size_t(length) };
    }
}

// ---------------------------------------------------------------------------------------------------------------
// GunzipStream
//
// A single gzip member is one deflate stream: its bytes can only be decoded in order, on one core. A file of
// many members (backup-system.sh writes one member per 4 MiB of data) can be decoded on every core: the
// compressed stream is cut into segments where a member header seems to start, each segment is decoded on its
// own by a worker, and the results are handed out in order. A cut is never trusted: a segment's result is used
// only when the segment before it was proven to end exactly with a whole member, CRC32 and length checked, at
// that cut. Anything else (a cut inside a member, corrupt data, padding or garbage, a member that inflates past
// 8 MiB) is decoded by one serial decoder from the last proven member end, which also words every fault, so a
// file gives the same verdict and the same message either way.

namespace {

// A plain growable byte buffer: no zero fill on growth, and it keeps its capacity when reused.
struct ByteBuffer
{
    std::unique_ptr<std::uint8_t[]> bytes;
    std::size_t capacity = 0;
    std::size_t size = 0;
    std::size_t highWater = 0; // the most it held: what it keeps resident

    void reserve(std::size_t wanted)
    {
        if (wanted <= capacity)
            return;
        auto grown = std::make_unique_for_overwrite<std::uint8_t[]>(wanted);
        if (size > 0)
            std::memcpy(grown.get(), bytes.get(), size);
        bytes = std::move(grown);
        capacity = wanted;
    }
    void append(const std::uint8_t* data, std::size_t count)
    {
        if (size + count > capacity)
            reserve(std::max(size + count, capacity + capacity / 2));
        std::memcpy(bytes.get() + size, data, count);
        size += count;
    }
};

// The ten fixed bytes of a gzip member header (RFC 1952 2.3) as gzip writes them: ID1 ID2, CM 8, no reserved
// flag bits, XFL 0/2/4, a known OS. About one random position in 2^37 passes; decoding proves the rest.
constexpr std::size_t memberHeaderSize = 10;
constexpr std::size_t flagByte = 3; // FLG, in the member header
constexpr std::uint8_t reservedFlags = 0xe0; // gzip refuses a member with any of them; ISA-L 2.30 does not look

bool looksLikeMemberHeader(const std::uint8_t* p)
{
    return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8 && (p[flagByte] & reservedFlags) == 0
        && (p[8] == 0 || p[8] == 2 || p[8] == 4) && (p[9] <= 13 || p[9] == 255);
}

// Decodes the stream in order with one ISA-L state; every fault is worded here.
class SerialGunzip
{
public:
    // Asked between two members with the bytes left of the current upstream block; true stops the decoder there
    // (next() returns what it has, and stopped() turns true).
    using StopBetweenMembers = std::function<bool(const std::uint8_t* rest, std::size_t restSize)>;

    SerialGunzip(ByteStream& upstream, qint64 startOffset, qint64 membersBefore, StopBetweenMembers stop)
        : m_upstream(upstream)
        , m_stop(std::move(stop))
        , m_members(membersBefore)
        , m_consumedBefore(startOffset)
    {
        isal_inflate_init(&m_inflate);
    }

    bool stopped() const { return m_stopped; }
    qint64 members() const { return m_members; }
    qint64 compressedOffset() const { return m_consumedBefore + qint64(m_blockSize - m_inflate.avail_in); }

    Result<Block> next();

private:
    static constexpr std::size_t outSize = std::size_t(256) << 10; // amortises each call, stays in cache

    // Makes input available; false at the end of the upstream.
    Result<bool> fillInput()
    {
        while (m_inflate.avail_in == 0) {
            if (m_upstreamEnded)
                return false;
            auto block = m_upstream.next();
            if (!block)
                return block.error();
            m_consumedBefore += m_blockSize;
            m_blockSize = 0;
            if (block->atEnd()) {
                m_upstreamEnded = true;
                return false;
            }
            m_inflate.next_in = const_cast<std::uint8_t*>(block->data); // ISA-L only reads it
            m_inflate.avail_in = std::uint32_t(block->size);
            m_blockSize = m_inflate.avail_in;
            m_blockData = block->data;
        }
        return true;
    }

    // The member's flag byte may lie in the next upstream block: it is looked at once it is there.
    bool reservedFlagsSet()
    {
        if (m_flagByteAt < 0 || m_flagByteAt >= m_consumedBefore + qint64(m_blockSize))
            return false;
        const std::uint8_t flags = m_blockData[m_flagByteAt - m_consumedBefore];
        m_flagByteAt = -1;
        return (flags & reservedFlags) != 0;
    }

    // Where ISA-L stopped: it may hold up to 8 bytes it read ahead, which depend on where input blocks end.
    qint64 faultOffset() const { return compressedOffset() - m_inflate.read_in_length / 8; }

    ByteStream& m_upstream;
    StopBetweenMembers m_stop;
    inflate_state m_inflate {};
    bool m_upstreamEnded = false;
    bool m_betweenMembers = true;
    bool m_finished = false;
    bool m_stopped = false;
    bool m_afterPadding = false;
    qint64 m_paddingFrom = 0; ///< where the zeros after the last member start
    qint64 m_members = 0;
    qint64 m_membersHere = 0; // members this decoder finished itself
    qint64 m_consumedBefore = 0; // compressed bytes of the blocks already used up
    std::uint32_t m_blockSize = 0;
    const std::uint8_t* m_blockData = nullptr;
    qint64 m_flagByteAt = -1; // of the member being started, until looked at
    std::vector<std::uint8_t> m_out = std::vector<std::uint8_t>(outSize);
};

Result<Block> SerialGunzip::next()
{
    if (m_finished)
        return Block {};
    inflate_state& state = m_inflate;
    std::uint8_t* const out = m_out.data();
    state.next_out = out;
    state.avail_out = std::uint32_t(outSize);
    auto produced = [&] { return std::size_t(state.next_out - out); };

    for (;;) {
        if (m_betweenMembers) {
            if (m_stop && m_membersHere > 0 && !m_afterPadding && (state.avail_in > 0 || !m_upstreamEnded)
                && m_stop(state.next_in, state.avail_in)) {
                m_stopped = m_finished = true;
                return Block { out, produced() };
            }
            auto more = fillInput();
            if (!more)
                return more.error();
            if (!*more) {
                m_finished = true;
                if (m_members == 0)
                    return corrupt(GunzipStream::tr("not gzip-compressed (the stream is empty)"));
                return Block { out, produced() };
            }
            if (state.next_in[0] == 0x1f && !m_afterPadding) {
                isal_inflate_reset(&state);
                state.crc_flag = ISAL_GZIP; // ISA-L parses the header and checks the CRC32 and ISIZE trailer
                m_betweenMembers = false;
                ++m_members;
                m_flagByteAt = compressedOffset() + qint64(flagByte);
            } else if (m_members == 0) {
                return corrupt(GunzipStream::tr("not gzip-compressed (no gzip header)"));
            } else {
                // Zero padding after the last member is harmless (tape blocking); anything else is not.
                if (!m_afterPadding)
                    m_paddingFrom = compressedOffset();
                std::uint8_t* const end = state.next_in + state.avail_in;
                std::uint8_t* const nonZero
                    = std::find_if(state.next_in, end, [](std::uint8_t byte) { return byte != 0; });
                if (nonZero != end) {
                    const bool afterZeros = m_afterPadding || nonZero != state.next_in;
                    state.avail_in -= std::uint32_t(nonZero - state.next_in);
                    state.next_in = nonZero;
                    if (afterZeros)
                        return corrupt(GunzipStream::tr("unexpected data at byte %1 of the gzip stream, after zero "
                                                        "padding from byte %2 (gzip -d stops at the padding: nothing "
                                                        "after it would be restored)")
                                           .arg(compressedOffset())
                                           .arg(m_paddingFrom));
                    return corrupt(GunzipStream::tr("unexpected data after the end of the gzip stream (at byte %1)")
                                       .arg(compressedOffset()));
                }
                state.next_in = end;
                state.avail_in = 0;
                // Only zeros may follow: gzip -d stops at padding, so a member after it would never be restored.
                m_afterPadding = true;
                continue;
            }
        }

        if (state.avail_in == 0) {
            auto more = fillInput();
            if (!more)
                return more.error();
        }
        if (reservedFlagsSet())
            return corrupt(GunzipStream::tr("invalid gzip header (member %1)").arg(m_members));
        const std::uint32_t outBefore = state.avail_out;
        const std::uint32_t inBefore = state.avail_in;
        const int status = isal_inflate(&state);
        switch (status) {
        case ISAL_DECOMP_OK:
            break;
        case ISAL_INVALID_WRAPPER:
            return corrupt(GunzipStream::tr("invalid gzip header (member %1)").arg(m_members));
        case ISAL_UNSUPPORTED_METHOD:
            return corrupt(GunzipStream::tr("unsupported gzip compression method (member %1)").arg(m_members));
        case ISAL_INCORRECT_CHECKSUM:
            return corrupt(
                GunzipStream::tr("corrupt data: the gzip CRC32/length check failed (member %1)").arg(m_members));
        case ISAL_INVALID_BLOCK:
        case ISAL_INVALID_SYMBOL:
        case ISAL_INVALID_LOOKBACK:
            return corrupt(
                GunzipStream::tr("corrupt compressed data near byte %1 of the gzip stream (invalid deflate %2)")
                    .arg(faultOffset())
                    .arg(status == ISAL_INVALID_BLOCK       ? GunzipStream::tr("block")
                            : status == ISAL_INVALID_SYMBOL ? GunzipStream::tr("code")
                                                            : GunzipStream::tr("back-reference")));
        default:
            return corrupt(GunzipStream::tr("corrupt compressed data (ISA-L error %1)").arg(status));
        }
        if (state.block_state == ISAL_BLOCK_FINISH) {
            m_betweenMembers = true;
            ++m_membersHere;
            if (state.avail_out == 0)
                return Block { out, produced() };
            continue;
        }
        if (state.avail_out == 0)
            return Block { out, produced() };
        if (state.avail_in == 0 && m_upstreamEnded && state.avail_out == outBefore && inBefore == 0) {
            m_finished = true;
            return corrupt(
                GunzipStream::tr("truncated: the gzip stream ends before its end marker (after %1 compressed bytes)")
                    .arg(compressedOffset()));
        }
    }
}

// Decodes runs of whole members on worker threads and hands the output out in order (see above).
class ParallelGunzip
{
public:
    // A segment is cut at the first header after this many compressed bytes, or at maxSegment without one.
    static constexpr std::size_t targetSegment = std::size_t(512) << 10;
    static constexpr std::size_t maxSegment = std::size_t(6) << 20;
    // Whoever decodes a segment stops at the first member end past softOutput and hands that much out before it
    // goes on, so a segment holds about one 4 MiB member's output at a time (backup-system.sh's members inflate to
    // exactly 4 MiB). A member that inflates past hardOutput is left to the serial decoder, which streams it.
    static constexpr std::size_t softOutput = std::size_t(4) << 20;
    static constexpr std::size_t hardOutput = std::size_t(8) << 20;

    ParallelGunzip(ByteStream& upstream, const std::uint8_t* rest, std::size_t restSize, qint64 offset,
        qint64 membersBefore, int workerCount);
    ~ParallelGunzip();
    ParallelGunzip(const ParallelGunzip&) = delete;
    ParallelGunzip& operator=(const ParallelGunzip&) = delete;

    Result<Block> next();
    qint64 members() const { return m_members; }
    qint64 segmentsDecodedAlone() const { return m_segmentsDecodedAlone; }

private:
    struct Segment
    {
        // Queued -> Running -> Proven (all of the input is whole members), Partial (whole members up to `inputDone`,
        // stopped for the output's size) or Unproven (from `inputDone` on it is no run of whole members).
        enum class Decode { Queued, Running, Proven, Partial, Unproven };
        qint64 offset = 0; // of its first compressed byte in the stream
        ByteBuffer input;
        ByteBuffer output; // of the members in [previous inputDone, inputDone)
        std::size_t inputDone = 0;
        bool startsMember = false;
        bool memberTooLarge = false; // a member inflated past hardOutput
        Decode decode = Decode::Queued;
        qint64 members = 0; // decoded so far
    };
    using SegmentPtr = std::shared_ptr<Segment>;

    // Hands the serial decoder the rest of one segment, then the inputs of the segments after it, in order.
    class SegmentFeed final : public ByteStream
    {
    public:
        SegmentFeed(ParallelGunzip& owner, SegmentPtr first)
            : m_owner(owner)
            , m_pending(std::move(first))
        { }
        ~SegmentFeed() override { m_owner.recycle(std::move(m_current)); }
        SegmentFeed(const SegmentFeed&) = delete;
        SegmentFeed& operator=(const SegmentFeed&) = delete;
        Result<Block> next() override;

    private:
        ParallelGunzip& m_owner;
        SegmentPtr m_pending;
        SegmentPtr m_current; // the block handed out lives in it
    };

    static Segment::Decode decodeAlone(Segment& segment, inflate_state& state);
    void workerLoop();
    void settle(Segment& segment, Segment::Decode result);
    SegmentPtr takeFreeSegment();
    void recycle(SegmentPtr segment);
    void seal(std::size_t size);
    bool cutFilling();
    void fillAhead();
    SegmentPtr popSealed();
    bool nextStartsMember();
    std::optional<Error> upstreamErrorNow() const;
    Result<Block> endOfSegments() const;
    inflate_state& ownState();

    ByteStream& m_upstream;
    bool m_upstreamDone = false;
    std::optional<Error> m_upstreamError;
    SegmentPtr m_filling;
    std::size_t m_searchFrom = 0;
    qint64 m_members = 0;
    qint64 m_segmentsDecodedAlone = 0;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<SegmentPtr> m_sealed; // in stream order, not yet taken by the consumer
    std::vector<SegmentPtr> m_free; // done with, kept for their buffers
    bool m_stopping = false;
    bool m_membersTooLarge = false;
    std::vector<std::thread> m_workers;
    std::size_t m_lookahead = 0;

    SegmentPtr m_current; // decoded by itself so far; its output is the block handed out last
    std::unique_ptr<inflate_state> m_ownState; // for what no worker decodes
    std::unique_ptr<SegmentFeed> m_feed;
    std::unique_ptr<SerialGunzip> m_serial;
    std::unique_ptr<SerialGunzip> m_stoppedSerial; // keeps the block it returned last valid
};

ParallelGunzip::ParallelGunzip(ByteStream& upstream, const std::uint8_t* rest, std::size_t restSize, qint64 offset,
    qint64 membersBefore, int workerCount)
    : m_upstream(upstream)
    , m_members(membersBefore)
{
    m_filling = takeFreeSegment();
    m_filling->offset = offset;
    m_filling->input.append(rest, restSize);
    m_workers.reserve(std::size_t(workerCount));
    for (int i = 0; i < workerCount; ++i) {
        try {
            m_workers.emplace_back([this] { workerLoop(); });
        } catch (const std::system_error&) {
            break; // fewer workers; with none, the consumer decodes every segment itself
        }
    }
    m_lookahead = m_workers.size() + 1;
}

ParallelGunzip::~ParallelGunzip()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    for (std::thread& worker : m_workers)
        worker.join();
}

ParallelGunzip::Segment::Decode ParallelGunzip::decodeAlone(Segment& segment, inflate_state& state)
{
    using Decode = Segment::Decode;
    const std::uint8_t* const input = segment.input.bytes.get();
    const std::size_t inputSize = segment.input.size;
    ByteBuffer& output = segment.output;
    output.size = 0;
    while (segment.inputDone < inputSize) {
        if (output.size >= softOutput)
            return Decode::Partial;
        // Padding, garbage or a header of another shape (reserved flags, which ISA-L would take): the serial
        // decoder judges it.
        if (inputSize - segment.inputDone < memberHeaderSize || !looksLikeMemberHeader(input + segment.inputDone))
            return Decode::Unproven;
        const std::size_t outputBefore = output.size;
        isal_inflate_reset(&state);
        state.crc_flag = ISAL_GZIP;
        state.next_in = const_cast<std::uint8_t*>(input + segment.inputDone); // ISA-L only reads it
        state.avail_in = std::uint32_t(inputSize - segment.inputDone);
        for (;;) {
            if (output.capacity - output.size < (std::size_t(64) << 10)) {
                if (output.capacity >= hardOutput) {
                    output.size = outputBefore;
                    segment.memberTooLarge = true;
                    return Decode::Unproven;
                }
                try {
                    output.reserve(hardOutput);
                } catch (const std::bad_alloc&) {
                    output.size = outputBefore; // the serial decoder, which streams, goes on from the last member end
                    return Decode::Unproven;
                }
            }
            state.next_out = output.bytes.get() + output.size;
            state.avail_out = std::uint32_t(output.capacity - output.size);
            const int status = isal_inflate(&state);
            output.size = std::size_t(state.next_out - output.bytes.get());
            output.highWater = std::max(output.highWater, output.size);
            if (status == ISAL_DECOMP_OK && state.block_state == ISAL_BLOCK_FINISH)
                break;
            // A fault, or the member goes on past the cut (the cut was no member start): output only whole members.
            if (status != ISAL_DECOMP_OK || (state.avail_in == 0 && state.avail_out > 0)) {
                output.size = outputBefore;
                return Decode::Unproven;
            }
        }
        ++segment.members;
        segment.inputDone = inputSize - state.avail_in;
    }
    return Decode::Proven;
}

void ParallelGunzip::workerLoop()
{
    std::unique_ptr<inflate_state> state;
    try {
        state = std::make_unique<inflate_state>();
    } catch (const std::bad_alloc&) {
        return; // the caller's thread decodes what no worker takes
    }
    isal_inflate_init(state.get());
    std::unique_lock lock(m_mutex);
    for (;;) {
        SegmentPtr work;
        m_changed.wait(lock, [&] {
            if (m_stopping)
                return true;
            for (const SegmentPtr& segment : m_sealed)
                if (segment->decode == Segment::Decode::Queued) {
                    work = segment;
                    return true;
                }
            return false;
        });
        if (m_stopping)
            return;
        work->decode = Segment::Decode::Running;
        lock.unlock();
        const Segment::Decode result = decodeAlone(*work, *state);
        settle(*work, result);
        lock.lock();
    }
}

// Says how a segment's decode ended, to the consumer that may wait for it and to the cuts still to come.
void ParallelGunzip::settle(Segment& segment, Segment::Decode result)
{
    {
        std::lock_guard lock(m_mutex);
        segment.decode = result;
        m_membersTooLarge = m_membersTooLarge || segment.memberTooLarge;
    }
    m_changed.notify_all();
}

// Keeps a few segments for their buffers, unless a worker still decodes one (its result is no longer wanted).
// An output buffer that filled far past one member (members larger than backup-system.sh's) is let go, so that
// such files do not keep every kept segment at the hard limit.
void ParallelGunzip::recycle(SegmentPtr segment)
{
    std::lock_guard lock(m_mutex);
    if (!segment || segment->decode == Segment::Decode::Running || m_free.size() >= m_lookahead + 2)
        return;
    if (segment->output.highWater > softOutput + (std::size_t(1) << 20))
        segment->output = ByteBuffer {};
    m_free.push_back(std::move(segment));
}

// A segment to fill, room for the largest one (a cut at maxSegment, plus the read block that crossed it).
ParallelGunzip::SegmentPtr ParallelGunzip::takeFreeSegment()
{
    SegmentPtr segment;
    {
        std::lock_guard lock(m_mutex);
        if (!m_free.empty()) {
            segment = std::move(m_free.back());
            m_free.pop_back();
        }
    }
    if (segment) {
        segment->input.size = segment->output.size = segment->inputDone = 0;
        segment->members = 0;
        segment->memberTooLarge = false;
    } else {
        segment = std::make_shared<Segment>();
    }
    segment->input.reserve(maxSegment + (std::size_t(2) << 20));
    return segment;
}

// Queues the first `size` bytes of the filling segment; the rest starts the next one.
void ParallelGunzip::seal(std::size_t size)
{
    SegmentPtr next = takeFreeSegment();
    next->offset = m_filling->offset + qint64(size);
    next->input.append(m_filling->input.bytes.get() + size, m_filling->input.size - size);
    m_filling->input.size = size;
    m_filling->startsMember = size >= memberHeaderSize && looksLikeMemberHeader(m_filling->input.bytes.get());
    {
        std::lock_guard lock(m_mutex);
        // A segment that does not start a member is left to the serial decoder; no worker takes it. Nor any once
        // members turned out larger than a worker holds: the serial decoder streams them in flat memory.
        m_filling->decode
            = m_filling->startsMember && !m_membersTooLarge ? Segment::Decode::Queued : Segment::Decode::Unproven;
        m_sealed.push_back(std::move(m_filling));
    }
    m_changed.notify_all();
    m_filling = std::move(next);
    m_searchFrom = 0;
}

bool ParallelGunzip::cutFilling()
{
    ByteBuffer& input = m_filling->input;
    if (input.size >= targetSegment + memberHeaderSize) {
        const std::uint8_t* const bytes = input.bytes.get();
        const std::size_t last = input.size - memberHeaderSize;
        for (std::size_t at = std::max(m_searchFrom, targetSegment); at <= last; ++at) {
            const void* found = std::memchr(bytes + at, 0x1f, last + 1 - at);
            if (!found)
                break;
            at = std::size_t(static_cast<const std::uint8_t*>(found) - bytes);
            if (looksLikeMemberHeader(bytes + at)) {
                seal(at);
                return true;
            }
        }
        m_searchFrom = last + 1;
    }
    if (input.size >= maxSegment) {
        seal(input.size);
        return true;
    }
    return false;
}

// Keeps the workers busy: reads ahead until enough segments wait, or the stream ended.
void ParallelGunzip::fillAhead()
{
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_sealed.size() >= m_lookahead)
                return;
        }
        if (m_upstreamDone)
            return;
        if (cutFilling())
            continue;
        auto block = m_upstream.next();
        if (!block || block->atEnd()) {
            // What was read before a read error is still decoded first: a fault in it is the verdict.
            if (m_filling->input.size > 0)
                seal(m_filling->input.size);
            if (!block)
                m_upstreamError = block.error();
            m_upstreamDone = true;
            return;
        }
        m_filling->input.append(block->data, block->size);
    }
}

// A cancel is said at once: it is no verdict that decoding what was read ahead could change.
std::optional<Error> ParallelGunzip::upstreamErrorNow() const
{
    if (m_upstreamError && m_upstreamError->code == Error::Code::Cancelled)
        return m_upstreamError;
    return std::nullopt;
}

// No segment is left: the stream ended, or reading it failed after the segments before.
Result<Block> ParallelGunzip::endOfSegments() const
{
    if (m_upstreamError)
        return *m_upstreamError;
    return Block {};
}

ParallelGunzip::SegmentPtr ParallelGunzip::popSealed()
{
    fillAhead();
    std::lock_guard lock(m_mutex);
    if (m_sealed.empty())
        return nullptr;
    SegmentPtr segment = std::move(m_sealed.front());
    m_sealed.pop_front();
    return segment;
}

bool ParallelGunzip::nextStartsMember()
{
    fillAhead();
    std::lock_guard lock(m_mutex);
    return !m_sealed.empty() && m_sealed.front()->startsMember;
}

Result<Block> ParallelGunzip::SegmentFeed::next()
{
    if (auto cancelled = m_owner.upstreamErrorNow())
        return *cancelled;
    m_owner.recycle(std::move(m_current));
    // The first segment from where its members stopped being whole; the later ones whole, whatever a worker made
    // of them meanwhile.
    std::size_t from = 0;
    if (m_pending) {
        from = m_pending->inputDone;
        m_current = std::move(m_pending);
    } else {
        m_current = m_owner.popSealed();
    }
    if (!m_current)
        return m_owner.endOfSegments();
    return Block { m_current->input.bytes.get() + from, m_current->input.size - from };
}

Result<Block> ParallelGunzip::next()
{
    using Decode = Segment::Decode;
    m_stoppedSerial.reset();
    for (;;) {
        if (auto cancelled = upstreamErrorNow())
            return *cancelled;
        if (m_serial) {
            auto block = m_serial->next();
            if (!block)
                return block.error();
            m_members = m_serial->members();
            if (!m_serial->stopped())
                return block;
            // The serial decoder ended a member exactly where the next segment starts one: segments again.
            m_feed.reset();
            m_stoppedSerial = std::move(m_serial);
            if (!block->atEnd())
                return block;
            m_stoppedSerial.reset();
        }

        if (m_current && m_current->decode == Decode::Unproven) {
            // Its whole members before `inputDone` came out already; the serial decoder goes on from there.
            const qint64 offset = m_current->offset + qint64(m_current->inputDone);
            m_feed = std::make_unique<SegmentFeed>(*this, std::move(m_current));
            m_serial = std::make_unique<SerialGunzip>(*m_feed, offset, m_members,
                [this](const std::uint8_t*, std::size_t restSize) { return restSize == 0 && nextStartsMember(); });
            continue;
        }
        if (m_current && m_current->decode == Decode::Partial) {
            // Stopped at a member end for the output's size: this thread goes on with it.
            settle(*m_current, decodeAlone(*m_current, ownState()));
        } else {
            recycle(std::move(m_current));
            m_current = popSealed();
            if (!m_current)
                return endOfSegments();
            bool decodeHere = false;
            {
                std::unique_lock lock(m_mutex);
                // No worker took it yet: this thread would only wait, so it decodes the segment itself.
                if (m_current->decode == Decode::Queued) {
                    m_current->decode = Decode::Running;
                    decodeHere = true;
                }
                m_changed.wait(lock, [&] { return decodeHere || m_current->decode != Decode::Running; });
            }
            if (decodeHere)
                settle(*m_current, decodeAlone(*m_current, ownState()));
            if (m_current->members > 0)
                ++m_segmentsDecodedAlone;
        }
        m_members += m_current->members;
        m_current->members = 0;
        // Empty members give no output; an empty block would read as the end of the stream.
        if (m_current->output.size > 0)
            return Block { m_current->output.bytes.get(), m_current->output.size };
    }
}

inflate_state& ParallelGunzip::ownState()
{
    if (!m_ownState) {
        m_ownState = std::make_unique<inflate_state>();
        isal_inflate_init(m_ownState.get());
    }
    return *m_ownState;
}

int decodeWorkerCount()
{
    // One per core: the reader's hashing and the consumer's parsing are light beside inflating (with one worker
    // fewer, the consumer decoding whenever it would wait, two cores took 3.3 s instead of 2.4 s per GiB).
    return int(std::max(1u, std::min(4u, std::thread::hardware_concurrency())));
}

} // namespace

struct GunzipStream::State
{
    ByteStream* upstream = nullptr;
    std::unique_ptr<SerialGunzip> serial;
    std::unique_ptr<SerialGunzip> stoppedSerial; // keeps the block it returned last valid
    std::unique_ptr<ParallelGunzip> parallel;
    const std::uint8_t* rest = nullptr;
    std::size_t restSize = 0;
};

GunzipStream::GunzipStream(ByteStream& upstream)
    : d(std::make_unique<State>())
{
    d->upstream = &upstream;
    // From the first member's end on, a multi-member file is decoded in parallel (see above).
    SerialGunzip::StopBetweenMembers stopAtSecondMember = [this](const std::uint8_t* rest, std::size_t restSize) {
        if (restSize > 0 && rest[0] != 0x1f)
            return false; // padding or garbage: the serial decoder judges it
        d->rest = rest;
        d->restSize = restSize;
        return true;
    };
    d->serial = std::make_unique<SerialGunzip>(upstream, 0, 0, std::move(stopAtSecondMember));
}

GunzipStream::~GunzipStream() = default;

qint64 GunzipStream::members() const
{
    return d->parallel ? d->parallel->members() : d->serial ? d->serial->members() : d->stoppedSerial->members();
}

qint64 GunzipStream::segmentsDecodedAlone() const
{
    return d->parallel ? d->parallel->segmentsDecodedAlone() : 0;
}

Result<Block> GunzipStream::next()
{
    if (d->parallel)
        return d->parallel->next();
    auto block = d->serial->next();
    if (!block || !d->serial->stopped())
        return block;
    const qint64 offset = d->serial->compressedOffset();
    d->parallel = std::make_unique<ParallelGunzip>(
        *d->upstream, d->rest, d->restSize, offset, d->serial->members(), decodeWorkerCount());
    d->stoppedSerial = std::move(d->serial);
    if (!block->atEnd())
        return block;
    return d->parallel->next();
}

// ---------------------------------------------------------------------------------------------------------------
// PeekStream

Result<QByteArray> PeekStream::peek(qsizetype size)
{
    while (m_head.size() - m_headOffset < size && !m_upstreamEnded) {
        auto block = m_upstream.next();
        if (!block)
            return block.error();
        if (block->atEnd())
            m_upstreamEnded = true;
        else
            m_head.append(reinterpret_cast<const char*>(block->data), qsizetype(block->size));
    }
    return m_head.mid(m_headOffset, size);
}

Result<Block> PeekStream::next()
{
    if (m_headOffset < m_head.size()) {
        Block block { reinterpret_cast<const std::uint8_t*>(m_head.constData()) + m_headOffset,
            std::size_t(m_head.size() - m_headOffset) };
        m_headOffset = m_head.size();
        m_bytesOut += qint64(block.size);
        return block;
    }
    if (!m_head.isEmpty()) {
        m_head = QByteArray();
        m_headOffset = 0;
    }
    if (m_upstreamEnded)
        return Block {};
    auto block = m_upstream.next();
    if (!block)
        return block.error();
    if (block->atEnd())
        m_upstreamEnded = true;
    m_bytesOut += qint64(block->size);
    return block;
}

} // namespace dr::verify
