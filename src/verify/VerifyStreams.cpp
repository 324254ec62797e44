#include "verify/VerifyStreams.h"

#include <isa-l/igzip_lib.h>
#include <openssl/evp.h>

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <sys/stat.h>
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
                // Whole blocks whose padding is wrong: the key is wrong (a damaged file shows in its checksum).
                if (EVP_DecryptFinal_ex(d->cipher, d->out.data(), &length) != 1)
                    return makeError(Error::Code::AuthFailed,
                        tr("wrong key or not encrypted with this key (the last block does not decrypt)"));
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

struct GunzipStream::State
{
    // Large enough to amortise each call, small enough to stay in cache for the consumer.
    static constexpr std::size_t outSize = std::size_t(256) << 10;

    ByteStream* upstream = nullptr;
    inflate_state inflate {};
    bool upstreamEnded = false;
    bool betweenMembers = true;
    bool finished = false;
    qint64 members = 0;
    qint64 consumedBefore = 0; // compressed bytes of the blocks already used up
    std::uint32_t blockSize = 0;
    std::vector<std::uint8_t> out = std::vector<std::uint8_t>(outSize);

    qint64 compressedOffset() const { return consumedBefore + qint64(blockSize - inflate.avail_in); }

    // Makes input available; false at the end of the upstream.
    Result<bool> fillInput()
    {
        while (inflate.avail_in == 0) {
            if (upstreamEnded)
                return false;
            auto block = upstream->next();
            if (!block)
                return block.error();
            consumedBefore += blockSize;
            blockSize = 0;
            if (block->atEnd()) {
                upstreamEnded = true;
                return false;
            }
            inflate.next_in = const_cast<std::uint8_t*>(block->data); // ISA-L only reads it
            inflate.avail_in = std::uint32_t(block->size);
            blockSize = inflate.avail_in;
        }
        return true;
    }
};

GunzipStream::GunzipStream(ByteStream& upstream)
    : d(std::make_unique<State>())
{
    d->upstream = &upstream;
    isal_inflate_init(&d->inflate);
}

GunzipStream::~GunzipStream() = default;

qint64 GunzipStream::members() const
{
    return d->members;
}

Result<Block> GunzipStream::next()
{
    if (d->finished)
        return Block {};
    inflate_state& state = d->inflate;
    std::uint8_t* const out = d->out.data();
    state.next_out = out;
    state.avail_out = std::uint32_t(State::outSize);
    auto produced = [&] { return std::size_t(state.next_out - out); };

    for (;;) {
        if (d->betweenMembers) {
            auto more = d->fillInput();
            if (!more)
                return more.error();
            if (!*more) {
                d->finished = true;
                if (d->members == 0)
                    return corrupt(tr("not gzip-compressed (the stream is empty)"));
                return Block { out, produced() };
            }
            if (state.next_in[0] == 0x1f) {
                isal_inflate_reset(&state);
                state.crc_flag = ISAL_GZIP; // ISA-L parses the header and checks the CRC32 and ISIZE trailer
                d->betweenMembers = false;
                ++d->members;
            } else if (d->members == 0) {
                return corrupt(tr("not gzip-compressed (no gzip header)"));
            } else {
                // Zero padding after the last member is harmless (tape blocking); anything else is not.
                std::uint8_t* const end = state.next_in + state.avail_in;
                std::uint8_t* const nonZero
                    = std::find_if(state.next_in, end, [](std::uint8_t byte) { return byte != 0; });
                if (nonZero != end) {
                    state.avail_in -= std::uint32_t(nonZero - state.next_in);
                    state.next_in = nonZero;
                    return corrupt(
                        tr("unexpected data after the end of the gzip stream (at byte %1)").arg(d->compressedOffset()));
                }
                state.next_in = end;
                state.avail_in = 0;
                continue;
            }
        }

        if (state.avail_in == 0) {
            auto more = d->fillInput();
            if (!more)
                return more.error();
        }
        const std::uint32_t outBefore = state.avail_out;
        const std::uint32_t inBefore = state.avail_in;
        const int status = isal_inflate(&state);
        switch (status) {
        case ISAL_DECOMP_OK:
            break;
        case ISAL_INVALID_WRAPPER:
            return corrupt(tr("invalid gzip header (member %1)").arg(d->members));
        case ISAL_UNSUPPORTED_METHOD:
            return corrupt(tr("unsupported gzip compression method (member %1)").arg(d->members));
        case ISAL_INCORRECT_CHECKSUM:
            return corrupt(tr("corrupt data: the gzip CRC32/length check failed (member %1)").arg(d->members));
        case ISAL_INVALID_BLOCK:
        case ISAL_INVALID_SYMBOL:
        case ISAL_INVALID_LOOKBACK:
            return corrupt(tr("corrupt compressed data near byte %1 of the gzip stream (invalid deflate %2)")
                               .arg(d->compressedOffset())
                               .arg(status == ISAL_INVALID_BLOCK       ? tr("block")
                                       : status == ISAL_INVALID_SYMBOL ? tr("code")
                                                                       : tr("back-reference")));
        default:
            return corrupt(tr("corrupt compressed data (ISA-L error %1)").arg(status));
        }
        if (state.block_state == ISAL_BLOCK_FINISH) {
            d->betweenMembers = true;
            if (state.avail_out == 0)
                return Block { out, produced() };
            continue;
        }
        if (state.avail_out == 0)
            return Block { out, produced() };
        if (state.avail_in == 0 && d->upstreamEnded && state.avail_out == outBefore && inBefore == 0) {
            d->finished = true;
            return corrupt(tr("truncated: the gzip stream ends before its end marker (after %1 compressed bytes)")
                               .arg(d->compressedOffset()));
        }
    }
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
