#include "xlsx/zip_archive.hpp"

#include <zip.h>

#include <array>
#include <memory>

#include "xlsx/xlsx.hpp"

namespace pufa::xlsx {

namespace {

constexpr std::string_view ole_signature = "\xD0\xCF\x11\xE0";  // .xls and encrypted .xlsx
constexpr std::size_t read_chunk = 64 * 1024;

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

[[noreturn]] void not_a_workbook() { throw ReadError("文件不是有效的 Excel 工作簿（.xlsx）"); }

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes) {
  if (bytes.empty()) throw ReadError("文件是空的");
  if (bytes.starts_with(ole_signature)) {
    throw ReadError("文件是旧版 .xls 或设置了密码的工作簿，请在 Excel 中另存为 .xlsx 后再上传");
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (zip_ != nullptr) return;
  if (source != nullptr) zip_source_free(source);
  not_a_workbook();
}

ZipArchive::~ZipArchive() { zip_discard(zip_); }

std::optional<std::string> ZipArchive::read(std::string const& name) const {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(zip_, name.c_str(), ZIP_FL_NOCASE, &stat) != 0) return std::nullopt;
  auto const too_large = [&] { return ReadError("工作簿的 " + name + " 部分过大，无法读取"); };
  if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > max_part_bytes) throw too_large();

  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(zip_, stat.index, 0));
  if (!file) throw ReadError("工作簿的 " + name + " 部分无法解压");
  std::string bytes;
  std::array<char, read_chunk> chunk;
  zip_int64_t got = 0;
  // The stated size may lie, so the limit is also kept while inflating.
  while ((got = zip_fread(file.get(), chunk.data(), chunk.size())) > 0) {
    if (bytes.size() + static_cast<std::size_t>(got) > max_part_bytes) throw too_large();
    bytes.append(chunk.data(), static_cast<std::size_t>(got));
  }
  if (got < 0) throw ReadError("工作簿的 " + name + " 部分已损坏");
  return bytes;
}

}  // namespace pufa::xlsx
