// The media area: sniffing, header limits, decoding and thumbnails (images made here with
// libgd itself), the file store, and the photo use cases on both engines.
#include <gd.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "app/areas.hpp"
#include "auth/store.hpp"
#include "http/error.hpp"
#include "media/image.hpp"
#include "media/metadata.hpp"
#include "media/photos.hpp"
#include "media/service.hpp"
#include "media/sniff.hpp"
#include "media/storage.hpp"
#include "test_db.hpp"

namespace pufa::media {

namespace {

namespace fs = std::filesystem;

struct GdImage {
  explicit GdImage(gdImagePtr image) : ptr(image) {}
  ~GdImage() {
    if (ptr) gdImageDestroy(ptr);
  }
  GdImage(GdImage const&) = delete;
  GdImage& operator=(GdImage const&) = delete;
  gdImagePtr ptr;
};

// A w × h picture, blue with a red block in its top-left quarter.
std::string make_image(ImageType type, int width, int height) {
  GdImage image(gdImageCreateTrueColor(width, height));
  gdImageFilledRectangle(image.ptr, 0, 0, width - 1, height - 1, gdTrueColor(0, 0, 255));
  gdImageFilledRectangle(image.ptr, 0, 0, width / 2 - 1, height / 2 - 1, gdTrueColor(255, 0, 0));
  int size = 0;
  void* data = type == ImageType::jpeg  ? gdImageJpegPtr(image.ptr, &size, 90)
               : type == ImageType::png ? gdImagePngPtr(image.ptr, &size)
                                        : gdImageWebpPtr(image.ptr, &size);
  std::string out(static_cast<char const*>(data), static_cast<std::size_t>(size));
  gdFree(data);
  return out;
}

// Decodes a thumbnail (always JPEG) so a test can look at its size and pixels.
GdImage decode_jpeg(std::string const& bytes) {
  return GdImage(
      gdImageCreateFromJpegPtr(static_cast<int>(bytes.size()), const_cast<char*>(bytes.data())));
}

// A JPEG with an Exif APP1 (big-endian TIFF, one IFD0 entry: Orientation) right after SOI.
std::string with_orientation(std::string jpeg, int orientation) {
  using namespace std::string_literals;
  std::string const tiff = "MM\0*\0\0\0\x08"s + "\0\x01"s + "\x01\x12\0\x03\0\0\0\x01"s +
                           static_cast<char>(0) + static_cast<char>(orientation) + "\0\0"s +
                           "\0\0\0\0"s;
  std::string const payload = "Exif\0\0"s + tiff;
  auto const length = payload.size() + 2;
  std::string segment =
      "\xFF\xE1"s + static_cast<char>(length >> 8) + static_cast<char>(length & 0xFF);
  return jpeg.insert(2, segment + payload);
}

// A JPEG segment `marker` with `payload`, inserted right after SOI.
std::string with_segment(std::string jpeg, unsigned char marker, std::string const& payload) {
  auto const length = payload.size() + 2;
  std::string segment = std::string("\xFF") + static_cast<char>(marker) + static_cast<char>(length >> 8) +
                        static_cast<char>(length & 0xFF) + payload;
  return jpeg.insert(2, segment);
}

// A PNG chunk (its CRC is not checked by what reads it here) inserted after IHDR.
std::string with_chunk(std::string png, std::string const& type, std::string const& data) {
  std::string chunk;
  for (int i = 3; i >= 0; --i) chunk += static_cast<char>((data.size() >> (8 * i)) & 0xFF);
  chunk += type + data + std::string(4, '\0');
  return png.insert(8 + 25, chunk);  // signature, then IHDR (4 + 4 + 13 + 4)
}

bool reddish(gdImagePtr image, int x, int y) {
  int const c = gdImageGetTrueColorPixel(image, x, y);
  return gdTrueColorGetRed(c) > 200 && gdTrueColorGetBlue(c) < 60;
}

// --- sniffing ---------------------------------------------------------------------------------

TEST(MediaSniff, KnowsEachTypeByItsMagicBytes) {
  EXPECT_EQ(sniff(make_image(ImageType::jpeg, 8, 8)), ImageType::jpeg);
  EXPECT_EQ(sniff(make_image(ImageType::png, 8, 8)), ImageType::png);
  EXPECT_EQ(sniff(make_image(ImageType::webp, 8, 8)), ImageType::webp);
  EXPECT_EQ(sniff(std::string("\xFF\xD8\xFF", 3)), ImageType::jpeg);
  EXPECT_EQ(sniff(std::string("RIFF\x10\0\0\0WEBP", 12)), ImageType::webp);
}

TEST(MediaSniff, RefusesWrongMagic) {
  EXPECT_EQ(sniff(""), std::nullopt);
  EXPECT_EQ(sniff("hello, world"), std::nullopt);
  EXPECT_EQ(sniff(std::string("GIF89a\x01\0\x01\0", 10)), std::nullopt);
  EXPECT_EQ(sniff(std::string("\x89PNG\r\n\x1A\x0A", 8).replace(1, 1, "Q")), std::nullopt);
  EXPECT_EQ(sniff(std::string("RIFF\x10\0\0\0WAVE", 12)), std::nullopt);
}

TEST(MediaSniff, RefusesTruncatedMagic) {
  EXPECT_EQ(sniff(std::string("\xFF\xD8", 2)), std::nullopt);
  EXPECT_EQ(sniff(std::string("\x89PNG\r\n", 6)), std::nullopt);
  EXPECT_EQ(sniff(std::string("RIFF\x10\0\0\0WEB", 11)), std::nullopt);
}

TEST(MediaHeader, ReadsTheSizeOfEachType) {
  for (auto type : {ImageType::jpeg, ImageType::png, ImageType::webp}) {
    auto const header = read_header(make_image(type, 37, 21));
    ASSERT_TRUE(header) << content_type(type);
    EXPECT_EQ(header->type, type);
    EXPECT_EQ(header->width, 37) << content_type(type);
    EXPECT_EQ(header->height, 21) << content_type(type);
    EXPECT_EQ(header->orientation, 1);
  }
}

TEST(MediaHeader, ReadsTheExifOrientation) {
  auto const header = read_header(with_orientation(make_image(ImageType::jpeg, 40, 20), 6));
  ASSERT_TRUE(header);
  EXPECT_EQ(header->orientation, 6);
  EXPECT_EQ(header->width, 40);
}

TEST(MediaHeader, RefusesAHeaderCutShort) {
  auto const png = make_image(ImageType::png, 10, 10);
  EXPECT_EQ(read_header(png.substr(0, 20)), std::nullopt);
  auto const jpeg = make_image(ImageType::jpeg, 10, 10);
  EXPECT_EQ(read_header(jpeg.substr(0, 30)), std::nullopt);
  EXPECT_EQ(read_header(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)), std::nullopt);
}

// --- metadata --------------------------------------------------------------------------------

TEST(MediaMetadata, AJpegLosesGpsCommentsAndIptcButKeepsItsPixelsProfileAndOrientation) {
  using namespace std::string_literals;
  auto const plain = make_image(ImageType::jpeg, 40, 20);
  auto jpeg = with_orientation(plain, 6);
  jpeg = with_segment(jpeg, 0xE1, "Exif\0\0MM\0*GPSLatitude 29.2081 Canon EOS serial 0421"s);
  jpeg = with_segment(jpeg, 0xE1, "http://ns.adobe.com/xap/1.0/\0<dc:creator>张三</dc:creator>"s);
  jpeg = with_segment(jpeg, 0xFE, "拍摄者 李四 13812345678"s);
  jpeg = with_segment(jpeg, 0xED, "Photoshop 3.0\0 8BIM 兰溪市马涧镇"s);
  jpeg = with_segment(jpeg, 0xE2, "ICC_PROFILE\0\x01\x01profile-bytes"s);
  auto const clean = strip_metadata(jpeg, ImageType::jpeg, 6);
  ASSERT_TRUE(clean);
  for (auto const* secret : {"GPSLatitude", "Canon", "张三", "李四", "13812345678", "8BIM", "马涧镇", "adobe"}) {
    EXPECT_EQ(clean->find(secret), std::string::npos) << secret;
  }
  EXPECT_NE(clean->find("profile-bytes"), std::string::npos);
  // The scan data is the same bytes; the orientation is read back; it still decodes as taken.
  auto const scan = plain.find("\xFF\xDA"s);
  EXPECT_TRUE(clean->ends_with(plain.substr(scan)));
  auto const header = read_header(*clean);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->orientation, 6);
  auto const decoded = process_image(*clean);
  ASSERT_TRUE(decoded.image);
  EXPECT_EQ(decoded.image->width, 20);  // orientation 6 shows it on its side
  // gd's own "CREATOR" comment goes too; a second pass finds nothing more to take out.
  EXPECT_EQ(strip_metadata(plain, ImageType::jpeg, 1)->find("CREATOR"), std::string::npos);
  EXPECT_EQ(strip_metadata(*clean, ImageType::jpeg, 6), clean);
  EXPECT_EQ(strip_metadata(plain.substr(0, 40), ImageType::jpeg, 1), std::nullopt);
}

TEST(MediaMetadata, APngLosesItsTextAndExifChunksAndWhatFollowsTheEnd) {
  using namespace std::string_literals;
  auto const plain = make_image(ImageType::png, 30, 10);
  auto png = with_chunk(plain, "tEXt", "Author\0张三"s);
  png = with_chunk(png, "eXIf", "MM\0*GPS"s);
  png = with_chunk(png, "iTXt", "Location\0\0\0\0\0兰溪"s);
  png += "trailing 13812345678";
  auto const clean = strip_metadata(png, ImageType::png, 1);
  ASSERT_TRUE(clean);
  EXPECT_EQ(*clean, plain);
  EXPECT_EQ(strip_metadata(plain.substr(0, plain.size() - 6), ImageType::png, 1), std::nullopt);
}

TEST(MediaMetadata, AWebpLosesItsExifAndXmpChunksAndTheirFlags) {
  using namespace std::string_literals;
  auto const simple = make_image(ImageType::webp, 16, 8);
  ASSERT_EQ(simple.substr(12, 4), "VP8 "s);
  // The extended form: VP8X (flags EXIF | XMP, canvas 16 × 8), the picture, then EXIF and XMP chunks.
  auto chunk = [](std::string const& type, std::string data) {
    std::string out = type;
    for (int i = 0; i < 4; ++i) out += static_cast<char>((data.size() >> (8 * i)) & 0xFF);
    out += data;
    if (data.size() % 2) out += '\0';
    return out;
  };
  std::string const vp8x = "\x0C\0\0\0"s + "\x0F\0\0"s + "\x07\0\0"s;
  std::string body = "WEBP"s + chunk("VP8X", vp8x) + simple.substr(12) + chunk("EXIF", "MM\0*GPS 29.2"s) +
                     chunk("XMP ", "<x:xmpmeta>张三</x:xmpmeta>");
  std::string webp = "RIFF"s;
  for (int i = 0; i < 4; ++i) webp += static_cast<char>((body.size() >> (8 * i)) & 0xFF);
  webp += body;
  ASSERT_TRUE(process_image(webp).image);
  auto const clean = strip_metadata(webp, ImageType::webp, 1);
  ASSERT_TRUE(clean);
  EXPECT_EQ(clean->find("GPS"), std::string::npos);
  EXPECT_EQ(clean->find("张三"), std::string::npos);
  EXPECT_EQ(static_cast<unsigned char>((*clean)[20]) & 0x0C, 0);
  EXPECT_EQ(clean->size(), 8 + (static_cast<unsigned char>((*clean)[4]) | static_cast<unsigned char>((*clean)[5]) << 8));
  auto const decoded = process_image(*clean);
  ASSERT_TRUE(decoded.image);
  EXPECT_EQ(decoded.image->width, 16);
  EXPECT_EQ(strip_metadata(simple, ImageType::webp, 1), simple);
}

// --- decoding and thumbnails ------------------------------------------------------------------

TEST(MediaImage, DecodesEachTypeAndMakesAJpegThumbnail) {
  for (auto type : {ImageType::jpeg, ImageType::png, ImageType::webp}) {
    auto const result = process_image(make_image(type, 64, 48));
    ASSERT_TRUE(result.image) << content_type(type);
    EXPECT_EQ(result.image->width, 64);
    EXPECT_EQ(result.image->height, 48);
    ASSERT_TRUE(result.image->thumbnail.starts_with("\xFF\xD8\xFF"));
    GdImage thumb = decode_jpeg(result.image->thumbnail);
    ASSERT_TRUE(thumb.ptr);
    EXPECT_EQ(gdImageSX(thumb.ptr), 64) << "small pictures are not upscaled";
    EXPECT_EQ(gdImageSY(thumb.ptr), 48);
  }
}

TEST(MediaImage, ThumbnailLongestSideIs320) {
  auto const result = process_image(make_image(ImageType::png, 1000, 500));
  ASSERT_TRUE(result.image);
  GdImage thumb = decode_jpeg(result.image->thumbnail);
  ASSERT_TRUE(thumb.ptr);
  EXPECT_EQ(gdImageSX(thumb.ptr), 320);
  EXPECT_EQ(gdImageSY(thumb.ptr), 160);
  EXPECT_TRUE(reddish(thumb.ptr, 10, 10));
  EXPECT_EQ(thumbnail_size(500, 1000), (Size{160, 320}));
  EXPECT_EQ(thumbnail_size(4000, 3), (Size{320, 1}));
  EXPECT_EQ(thumbnail_size(320, 200), (Size{320, 200}));
}

TEST(MediaImage, ThumbnailFollowsExifOrientation) {
  // Orientation 6: the stored picture is shown turned 90° clockwise, so the red top-left
  // block appears top-right and the sides swap.
  auto const result = process_image(with_orientation(make_image(ImageType::jpeg, 200, 100), 6));
  ASSERT_TRUE(result.image);
  EXPECT_EQ(result.image->width, 100);
  EXPECT_EQ(result.image->height, 200);
  GdImage thumb = decode_jpeg(result.image->thumbnail);
  ASSERT_EQ(gdImageSX(thumb.ptr), 100);
  ASSERT_EQ(gdImageSY(thumb.ptr), 200);
  EXPECT_TRUE(reddish(thumb.ptr, 90, 10));
  EXPECT_FALSE(reddish(thumb.ptr, 10, 10));
}

TEST(MediaImage, RefusesWhatIsNotAnImage) {
  EXPECT_EQ(process_image("just some text, not a picture").problem, ImageProblem::not_an_image);
  EXPECT_FALSE(process_image("").image);
}

TEST(MediaImage, RefusesAnImageThatDoesNotDecode) {
  auto png = make_image(ImageType::png, 50, 50);
  png.resize(40);  // the header survives, the pixel data does not
  auto const result = process_image(png);
  EXPECT_FALSE(result.image);
  EXPECT_EQ(result.problem, ImageProblem::undecodable);

  auto webp = make_image(ImageType::webp, 50, 50);
  for (std::size_t i = 40; i < webp.size(); ++i) webp[i] = 'x';
  EXPECT_EQ(process_image(webp).problem, ImageProblem::undecodable);
}

// Headers declaring huge pictures are refused before decoding: gd would try to allocate
// 40 GB for the PNG (which AddressSanitizer reports as a fatal error).
TEST(MediaImage, RefusesADecompressionBombByItsHeader) {
  using namespace std::string_literals;
  auto const png_bomb = "\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR"s + "\0\x01\x86\xA0"s /* 100000 */ +
                        "\0\x01\x86\xA0"s + "\x08\x02\0\0\0"s + "\0\0\0\0"s;
  EXPECT_EQ(process_image(png_bomb).problem, ImageProblem::too_large);

  auto const jpeg_bomb = "\xFF\xD8\xFF\xC0\0\x11\x08\xEA\x60\xEA\x60\x03"s /* 60000² */ +
                         std::string(9, '\x01') + "\xFF\xD9"s;
  EXPECT_EQ(process_image(jpeg_bomb).problem, ImageProblem::too_large);

  auto const webp_bomb =
      "RIFF\x20\0\0\0WEBPVP8X\x0A\0\0\0"s + "\0\0\0\0"s + "\xFF\xFF\x00"s /* 65536 */ + "\x0F\0\0"s;
  EXPECT_EQ(process_image(webp_bomb).problem, ImageProblem::too_large);

  // Each side within max_side, but more pixels than max_pixels.
  auto const wide = "\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR"s + "\0\0\x2A\xF8"s /* 11000 */ +
                    "\0\0\x27\x10"s /* 10000 */ + "\x08\x02\0\0\0"s + "\0\0\0\0"s;
  EXPECT_EQ(process_image(wide).problem, ImageProblem::too_large);
}

// --- files ------------------------------------------------------------------------------------

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("pufa-media-" + base::random_hex(6))) {
    base::init_crypto();
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path const& path() const { return path_; }
  // Regular files below the folder (a refused upload must leave none behind).
  std::size_t files() const {
    if (!fs::exists(path_)) return 0;
    std::size_t count = 0;
    for (auto const& entry : fs::recursive_directory_iterator(path_))
      count += entry.is_regular_file();
    return count;
  }

 private:
  fs::path path_;
};

TEST(MediaStorage, SavesUnderTheMonthAndReadsBackAndRemoves) {
  TempDir dir;
  PhotoStorage storage(dir.path());
  auto const at = base::parse_iso8601("2026-03-15T08:00:00Z").value();
  auto const files = storage.save("original", "png", "thumb", at);
  EXPECT_TRUE(files.path.starts_with("photos/2026/03/")) << files.path;
  EXPECT_TRUE(files.path.ends_with(".png"));
  EXPECT_EQ(files.path.size(), std::string("photos/2026/03/").size() + 32 + 4);
  EXPECT_EQ(files.thumb_path, files.path.substr(0, files.path.size() - 4) + "_thumb.jpg");
  EXPECT_EQ(storage.read(files.path), "original");
  EXPECT_EQ(storage.read(files.thumb_path), "thumb");
  EXPECT_EQ(dir.files(), 2u) << "no .part files left";
  storage.remove(files);
  EXPECT_EQ(dir.files(), 0u);
  EXPECT_EQ(storage.read(files.path), std::nullopt);
}

// --- use cases ----------------------------------------------------------------------------------

class PhotoServiceTest : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    temp_ = std::make_unique<testing::TempDatabase>(GetParam());
    PUFA_REQUIRE_DB(*temp_);
    db::migrate(temp_->db(), app::all_migrations());
    temp_->db().write([&](db::Connection& conn) {
      auto const root = auth::store::root_region(conn);
      auth::User user;
      user.username = "uploader";
      user.display_name = "上传者";
      user.password_hash = "x";
      user.region_id = root->id;
      caller_.user_id = auth::store::insert_user(conn, user, base::now_ms());
      caller_.username = user.username;
      caller_.region_id = root->id;
      caller_.region_path = root->path;
    });
    service_ = std::make_unique<PhotoService>(temp_->db(), dir_.path());
  }

  static auth::Actor actor(auth::Principal const& who) { return {&who, "127.0.0.1", "test", {}}; }

  std::int64_t count(std::string const& sql) {
    return temp_->db().read([&](db::Connection& conn) { return conn.scalar(sql).value_or(-1); });
  }

  http::AppError refusal(std::function<void()> const& f, std::string* field = nullptr) {
    try {
      f();
    } catch (http::ApiError const& error) {
      if (field) *field = error.field();
      return error.error();
    }
    ADD_FAILURE() << "no ApiError";
    return http::AppError::internal;
  }

  TempDir dir_;
  std::unique_ptr<testing::TempDatabase> temp_;
  std::unique_ptr<PhotoService> service_;
  auth::Principal caller_;
};

TEST_P(PhotoServiceTest, UploadStoresFilesRowAndAuditThenReadsBack) {
  auto const png = make_image(ImageType::png, 640, 480);
  auto const photo = service_->upload(actor(caller_), png, "image/png", "讲座.png");
  EXPECT_GT(photo.id, 0);
  EXPECT_EQ(photo.width, 640);
  EXPECT_EQ(photo.height, 480);
  EXPECT_EQ(photo.sha256, base::sha256_hex(png));
  EXPECT_EQ(dir_.files(), 2u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'photos.create'"), 1);

  auto const ref =
      temp_->db().read([&](db::Connection& conn) { return photo_ref(conn, photo.id); });
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->region_path, caller_.region_path);
  EXPECT_EQ(ref->url, "/api/v1/photos/" + std::to_string(photo.id));
  EXPECT_EQ(ref->thumb_url, ref->url + "/thumb");

  auto const original = service_->open(caller_, photo.id, false);
  EXPECT_EQ(original.content_type, "image/png");
  EXPECT_EQ(original.bytes, png);
  auto const thumb = service_->open(caller_, photo.id, true);
  EXPECT_EQ(thumb.content_type, "image/jpeg");
  EXPECT_TRUE(thumb.bytes.starts_with("\xFF\xD8"));
}

TEST_P(PhotoServiceTest, WhatIsStoredCarriesNoLocationOrAuthor) {
  using namespace std::string_literals;
  auto jpeg = with_segment(with_orientation(make_image(ImageType::jpeg, 64, 48), 3), 0xE1,
                           "Exif\0\0MM\0*GPSLatitude 29.2081 GPSLongitude 119.4603"s);
  auto const photo = service_->upload(actor(caller_), jpeg, "image/jpeg", "现场.jpg");
  auto const stored = service_->open(caller_, photo.id, false);
  EXPECT_EQ(stored.bytes.find("GPS"), std::string::npos);
  EXPECT_LT(stored.bytes.size(), jpeg.size());
  EXPECT_EQ(photo.sha256, base::sha256_hex(stored.bytes));
  EXPECT_EQ(photo.bytes, static_cast<std::int64_t>(stored.bytes.size()));
  auto const header = read_header(stored.bytes);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->orientation, 3);
}

TEST_P(PhotoServiceTest, RefusedUploadsStoreNothing) {
  std::string field;
  auto const png = make_image(ImageType::png, 20, 20);
  EXPECT_EQ(
      refusal([&] { service_->upload(actor(caller_), png, "image/jpeg", {}); }, &field),
      http::AppError::validation_failed);
  EXPECT_EQ(field, "file");
  EXPECT_EQ(
      refusal([&] { service_->upload(actor(caller_), "plain text", "image/png", {}); },
              &field),
      http::AppError::validation_failed);
  EXPECT_EQ(field, "file");
  EXPECT_EQ(refusal([&] { service_->upload(actor(caller_), "", "image/png", {}); }),
            http::AppError::validation_failed);
  EXPECT_EQ(dir_.files(), 0u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM photos"), 0);
}

TEST_P(PhotoServiceTest, FailedDatabaseWriteRemovesTheFiles) {
  caller_.region_id = 999'999;  // no such region: the insert violates the foreign key
  EXPECT_THROW(service_->upload(actor(caller_), make_image(ImageType::jpeg, 20, 20), "image/jpeg", {}),
               db::DbError);
  EXPECT_EQ(dir_.files(), 0u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM photos"), 0);
}

TEST_P(PhotoServiceTest, ScopeAndDelete) {
  auto const photo = service_->upload(actor(caller_), make_image(ImageType::webp, 30, 30), "image/webp", {});
  auth::Principal outsider = caller_;
  outsider.region_path = caller_.region_path + "99/";
  // Outside the subtree a photo is not found, as one that does not exist.
  EXPECT_EQ(refusal([&] { service_->open(outsider, photo.id, false); }),
            http::AppError::not_found);
  EXPECT_EQ(refusal([&] { service_->remove(actor(outsider), photo.id); }),
            http::AppError::not_found);
  EXPECT_EQ(refusal([&] { service_->open(caller_, photo.id + 1, false); }),
            http::AppError::not_found);

  service_->remove(actor(caller_), photo.id);
  EXPECT_EQ(dir_.files(), 0u);
  EXPECT_EQ(refusal([&] { service_->open(caller_, photo.id, true); }), http::AppError::not_found);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'photos.delete'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, PhotoServiceTest,
                         ::testing::Values(db::Engine::sqlite, db::Engine::postgresql),
                         testing::engine_label);

}  // namespace

}  // namespace pufa::media
