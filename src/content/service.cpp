#include "content/service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <system_error>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "base/time.hpp"
#include "base/random.hpp"
#include "content/disclosure.hpp"
#include "content/files.hpp"
#include "render/qr.hpp"
#include "content/sanitize.hpp"
#include "content/store.hpp"
#include "http/error.hpp"
#include "media/storage.hpp"
#include "search/search.hpp"
#include "text/utf8.hpp"

namespace pufa::content {

using http::ApiError;
using http::AppError;

namespace {

constexpr std::size_t summary_chars = 120;  // a summary made from the body when none is given
constexpr std::size_t max_attachments = 20;
constexpr char const* object_type = "articles";

[[noreturn]] void invalid(std::string message, std::string field) {
  throw ApiError(AppError::validation_failed, std::move(message), std::move(field));
}

// The first `chars` characters of `text` on one line, with an ellipsis when cut.
std::string excerpt(std::string const& text, std::size_t chars) {
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto const byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) != 0x80 && count++ == chars) return out + "…";
    out += text[i] == '\n' ? ' ' : text[i];
  }
  return out;
}

Article load(db::Connection& conn, std::int64_t id) {
  auto article = store::article(conn, id);
  if (!article) throw ApiError(AppError::not_found, "文章不存在");
  return std::move(*article);
}

Article load_in_scope(db::Connection& conn, auth::Principal const& caller, std::int64_t id) {
  auto article = load(conn, id);
  // Outside the subtree an article is as missing as one that never was.
  if (!caller.covers(article.region_path)) throw ApiError(http::concealed_refusal, "文章不存在");
  return article;
}

void require_status(Article const& article, std::initializer_list<std::string_view> allowed,
                    std::string const& message) {
  if (std::find(allowed.begin(), allowed.end(), article.status) == allowed.end())
    throw ApiError(AppError::conflict, message);
}

void audit(db::Connection& conn, auth::Actor const& actor, std::string action, std::int64_t id, std::string detail = {}) {
  auth::audit(conn, actor, std::move(action), object_type, std::to_string(id), std::move(detail));
}

// 发布机构 when the author names none: the author's region (the bureau for the city level).
std::string default_publisher(db::Connection& conn, auth::Principal const& caller) {
  auto region = auth::regions::find(conn, caller.region_id);
  if (!region || !region->parent_id) return std::string(bureau_name);
  return region->name;
}

std::vector<CitationView> resolve_all(db::Connection& conn, std::vector<Citation> const& cited) {
  std::vector<CitationView> out;
  for (auto const& citation : cited) out.push_back({citation, laws::library::article(conn, citation.law, citation.ref)});
  return out;
}

void check_citations(db::Connection& conn, std::vector<Citation> const& cited) {
  for (auto const& view : resolve_all(conn, cited)) {
    if (!view.article) {
      invalid("法规库中没有《" + laws::library::law_key(view.citation.law) + "》" +
                  laws::article_label(view.citation.ref) + "，请核对法律名称和条号",
              "case.cited");
    }
  }
}

void check_attachments(db::Connection& conn, auth::Principal const& caller, std::vector<std::int64_t> const& ids,
                       std::int64_t article_id) {
  if (ids.size() > max_attachments)
    invalid("附件不能超过 " + std::to_string(max_attachments) + " 个", "attachment_ids");
  for (auto const id : ids) {
    auto file = store::attachment(conn, id);
    if (!file || !caller.covers(file->region_path)) invalid("附件不存在", "attachment_ids");
    if (file->article_id && *file->article_id != article_id) invalid("该附件已属于其他文章", "attachment_ids");
  }
}

// What the input becomes before any transaction opens: the body sanitised (CPU work that must not
// hold the writer), the plain text and summary derived from it.
struct Cleaned {
  std::string body_html;
  std::string summary;
};

Cleaned clean(ArticleInput const& input) {
  Cleaned out;
  SanitizeReport report;
  out.body_html = sanitize_html(input.body_html, &report);
  if (report.elements > max_html_elements)
    invalid("正文的标签过多（最多 " + std::to_string(max_html_elements) + " 个），请分成几篇发布", "body_html");
  if (report.too_deep)
    invalid("正文的格式嵌套过深（最多 " + std::to_string(max_html_depth) + " 层），请清除格式后重新粘贴", "body_html");
  if (!report.external_images.empty())
    invalid("正文中的图片 " + report.external_images.front() + " 来自其他网站，门户上无法显示；请下载后作为图片插入",
            "body_html");
  auto const text = plain_text(out.body_html);
  if (text.empty() && out.body_html.find("<img") == std::string::npos) invalid("请填写正文", "body_html");
  bool const has_summary = input.summary && input.summary->find_first_not_of(" \t\r\n") != std::string::npos;
  out.summary = has_summary ? *input.summary : excerpt(text, summary_chars);
  return out;
}

// Checks the input against the database and copies it onto `article`.
void apply(db::Connection& conn, auth::Principal const& caller, ArticleInput const& input, Cleaned const& cleaned,
           Article& article) {
  auto column = store::column(conn, input.column);
  if (!column) invalid("栏目不存在", "column");
  article.column = *column;
  article.title = input.title;
  article.body_html = cleaned.body_html;
  article.summary = cleaned.summary;
  article.publisher = input.publisher ? *input.publisher : default_publisher(conn, caller);
  article.written_on = input.written_on;
  article.disclosure = input.disclosure.value_or(std::string(disclosure_active));
  if (article.is_case()) {
    if (!input.case_input) invalid("以案释法须填写案情、法律分析和所引法条", "case");
    check_citations(conn, input.case_input->cited);
    article.case_facts = input.case_input->facts;
    article.case_analysis = input.case_input->analysis;
    article.cited = input.case_input->cited;
  } else {
    if (input.case_input) invalid("只有以案释法栏目的文章可以填写案例信息", "case");
    article.case_facts.reset();
    article.case_analysis.reset();
    article.cited.clear();
  }
  check_attachments(conn, caller, input.attachment_ids, article.id);
}

ArticleView view_of(db::Connection& conn, Article article, std::int64_t unflushed) {
  ArticleView view{std::move(article), {}, 0, {}, {}};
  view.cited = resolve_all(conn, view.article.cited);
  view.visits = view.article.visits + unflushed;
  return view;
}

// With its review history, and the comments of the return that sent it back.
ArticleView staff_view_of(db::Connection& conn, Article article, std::int64_t unflushed) {
  auto view = view_of(conn, std::move(article), unflushed);
  view.history = store::review_steps(conn, view.article.id);
  if (view.article.status == status::returned) {
    for (auto step = view.history.rbegin(); step != view.history.rend(); ++step) {
      if (step->step == "return") {
        view.comments = step->comments;
        break;
      }
    }
  }
  return view;
}

void record_step(db::Connection& conn, auth::Actor const& actor, std::int64_t id, std::string step,
                 std::string reason = {}, std::vector<ReviewComment> comments = {}) {
  auto const& user = actor.user();
  store::insert_review_step(conn, id, {std::move(step), user.user_id, user.display_name, std::move(reason),
                                       std::move(comments), base::now_ms()});
}

}  // namespace

search::Document search_document(Article const& a) {
  auto body = plain_text(a.body_html);
  if (a.is_case()) body += "\n" + a.case_facts.value_or("") + "\n" + a.case_analysis.value_or("");
  return {.kind = a.is_case() ? "case" : "article",
          .ref_id = a.id,
          .law_id = 0,
          .title = a.title,
          .heading = a.column.name,
          .section = a.column.section,
          .body = std::move(body),
          .date = a.published_at ? base::shanghai_date(*a.published_at) : std::string(),
          .url = "/articles/" + std::to_string(a.id)};
}

std::string public_url(std::string const& base, std::int64_t id) {
  return base + "/articles/" + std::to_string(id);
}

ArticlePage ContentService::list(auth::Actor const& actor, ListQuery const& query) const {
  auto const& caller = actor.user();
  return db_->read([&](db::Connection& conn) {
    store::ListFilter filter;
    filter.region_path = caller.region_path;
    filter.column = query.column;
    filter.status = query.status;
    filter.title_like = query.q.empty() ? std::string() : http::contains_pattern(query.q);
    if (query.mine) filter.author_id = caller.user_id;
    filter.offset = (query.page - 1) * query.page_size;
    filter.limit = query.page_size;
    auto found = store::list_articles(conn, filter);
    ArticlePage page{{}, found.total};
    for (auto& article : found.items) {
      article.body_html.clear();  // lists stay light; the form loads the article
      auto const unflushed = visits_->unflushed(article.id);
      page.items.push_back({std::move(article), {}, 0});
      page.items.back().visits = page.items.back().article.visits + unflushed;
    }
    return page;
  });
}

ArticleView ContentService::get(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  auto const view = visits_->consistent_view();
  return db_->read([&](db::Connection& conn) { return staff_view_of(conn, load_in_scope(conn, caller, id), visits_->unflushed(id)); });
}

ArticleView ContentService::create(auth::Actor const& actor, ArticleInput input) const {
  auto const& caller = actor.user();
  auto const cleaned = clean(input);
  return db_->write([&](db::Connection& conn) {
    Article article;
    apply(conn, caller, input, cleaned, article);
    article.region_id = caller.region_id;
    article.region_path = caller.region_path;
    article.author_id = caller.user_id;
    article.author_name = caller.display_name;
    article.status = status::draft;
    article.created_at = article.updated_at = base::now_ms();
    article.id = store::insert_article(conn, article);
    store::replace_citations(conn, article.id, article.cited);
    store::attach(conn, article.id, input.attachment_ids);
    audit(conn, actor, "articles.create", article.id, article.title);
    return view_of(conn, load(conn, article.id), visits_->unflushed(article.id));
  });
}

ArticleView ContentService::update(auth::Actor const& actor, std::int64_t id, ArticleInput input) const {
  auto const& caller = actor.user();
  auto const cleaned = clean(input);
  return db_->write([&](db::Connection& conn) {
    auto article = load_in_scope(conn, caller, id);
    bool const reviewing = article.status == status::review && caller.has("content.publish");
    if (!reviewing)
      require_status(article, {status::draft, status::returned}, "只有草稿或被退回的文章可以修改（待审核的文章由审核人修改）");
    apply(conn, caller, input, cleaned, article);
    article.updated_at = base::now_ms();
    store::update_article(conn, article);
    store::replace_citations(conn, id, article.cited);
    store::attach(conn, id, input.attachment_ids);
    if (reviewing) record_step(conn, actor, id, "edit");
    audit(conn, actor, reviewing ? "articles.review_edit" : "articles.update", id, article.title);
    return staff_view_of(conn, load(conn, id), visits_->unflushed(id));
  });
}

void ContentService::remove(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  db_->write([&](db::Connection& conn) {
    auto article = load_in_scope(conn, caller, id);
    require_status(article, {status::draft, status::returned}, "只有草稿或被退回的文章可以删除");
    store::delete_article(conn, id);
    search::remove(conn, article.is_case() ? "case" : "article", id);
    audit(conn, actor, "articles.delete", id, article.title);
  });
}

ArticleView ContentService::submit(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  return db_->write([&](db::Connection& conn) {
    auto article = load_in_scope(conn, caller, id);
    require_status(article, {status::draft, status::returned}, "只有草稿或被退回的文章可以提交审核");
    store::set_status(conn, id, status::review, std::nullopt, base::now_ms());
    record_step(conn, actor, id, "submit");
    audit(conn, actor, "articles.submit", id);
    return staff_view_of(conn, load(conn, id), visits_->unflushed(id));
  });
}

ArticleView ContentService::send_back(auth::Actor const& actor, std::int64_t id, std::string const& reason,
                                      std::vector<ReviewComment> const& comments) const {
  auto const& caller = actor.user();
  return db_->write([&](db::Connection& conn) {
    auto article = load_in_scope(conn, caller, id);
    require_status(article, {status::review}, "只有待审核的文章可以退回");
    if (!article.is_case() && std::any_of(comments.begin(), comments.end(), [](auto const& c) {
          return c.field == "case_facts" || c.field == "case_analysis";
        }))
      throw ApiError(AppError::validation_failed, "这篇文章不是案例，没有案情和分析", "comments");
    store::set_status(conn, id, status::returned, reason, base::now_ms());
    record_step(conn, actor, id, "return", reason, comments);
    audit(conn, actor, "articles.return", id, std::string(text::prefix_bytes(reason, 200)));
    return staff_view_of(conn, load(conn, id), visits_->unflushed(id));
  });
}

ArticleView ContentService::publish(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  return db_->write([&](db::Connection& conn) {
    auto article = load_in_scope(conn, caller, id);
    require_status(article, {status::review}, "只有待审核的文章可以发布");
    if (four_eyes_ && article.author_id == caller.user_id) {
      throw ApiError(AppError::unprocessable, "已实行审核发布分离：作者不能发布自己撰写的文章，请由其他审核人员发布");
    }
    auto const now = base::now_ms();
    auto const year = base::shanghai_year(now);
    auto const index_no = format_index_no(bureau_code, year, store::next_serial(conn, bureau_code, year));
    store::set_published(conn, id, index_no, now, now);
    auto published = load(conn, id);
    search::upsert(conn, search_document(published));
    record_step(conn, actor, id, "publish");
    audit(conn, actor, "articles.publish", id, index_no);
    return staff_view_of(conn, std::move(published), visits_->unflushed(id));
  });
}

ArticleView ContentService::withdraw(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  return db_->write([&](db::Connection& conn) {
    auto article = load_in_scope(conn, caller, id);
    require_status(article, {status::published}, "只有已发布的文章可以撤回");
    store::set_status(conn, id, status::withdrawn, std::nullopt, base::now_ms());
    search::remove(conn, article.is_case() ? "case" : "article", id);
    record_step(conn, actor, id, "withdraw");
    audit(conn, actor, "articles.withdraw", id, article.index_no.value_or(""));
    return staff_view_of(conn, load(conn, id), visits_->unflushed(id));
  });
}

std::vector<todo::Item> ContentService::todo(auth::Principal const& caller) const {
  std::vector<todo::Item> out;
  db_->read([&](db::Connection& conn) {
    if (caller.has("content.publish")) {
      store::ListFilter waiting;
      waiting.region_path = caller.region_path;
      waiting.status = std::string(status::review);
      out.push_back({"articles.review", store::count_articles(conn, waiting)});
    }
    if (caller.has("content.write")) {
      store::ListFilter mine;
      mine.region_path = caller.region_path;
      mine.status = std::string(status::returned);
      mine.author_id = caller.user_id;
      out.push_back({"articles.returned", store::count_articles(conn, mine)});
    }
  });
  return out;
}

std::vector<Column> ContentService::columns() const {
  return db_->read([&](db::Connection& conn) { return store::columns(conn); });
}

std::vector<HomeColumn> ContentService::home() const {
  constexpr std::int64_t latest = 6;
  return db_->read([&](db::Connection& conn) {
    std::vector<HomeColumn> out;
    for (auto const& column : store::columns(conn)) {
      store::ListFilter filter;
      filter.column = column.code;
      filter.status = status::published;
      filter.newest_published_first = true;
      filter.limit = latest;
      out.push_back({column, store::list_articles(conn, filter).items});
    }
    return out;
  });
}

ContentService::PublicPage ContentService::public_list(std::string const& column, std::int64_t page,
                                                       std::int64_t size) const {
  return db_->read([&](db::Connection& conn) {
    if (!column.empty() && !store::column(conn, column)) invalid("栏目不存在", "column");
    store::ListFilter filter;
    filter.column = column;
    filter.status = status::published;
    filter.newest_published_first = true;
    filter.offset = (page - 1) * size;
    filter.limit = size;
    auto found = store::list_articles(conn, filter);
    return PublicPage{std::move(found.items), found.total};
  });
}

ArticleView ContentService::public_article(std::int64_t id) const {
  auto const view = visits_->consistent_view();
  return db_->read([&](db::Connection& conn) {
    auto article = store::article(conn, id);
    if (!article || article->status != status::published) throw ApiError(AppError::not_found, "文章不存在或未发布");
    return view_of(conn, std::move(*article), visits_->add(id));
  });
}

std::string ContentService::qr_svg(std::int64_t id, std::string const& base) const {
  bool const published = db_->read([&](db::Connection& conn) {
    auto article = store::article(conn, id);
    return article && article->status == status::published;
  });
  if (!published) throw ApiError(AppError::not_found, "文章不存在或未发布");
  return render::qr_svg(public_url(base, id)).svg;
}

AttachmentInfo ContentService::upload(auth::Actor const& actor, std::string_view bytes, std::string_view declared,
                                      std::optional<std::string> name) const {
  auto const& caller = actor.user();
  if (bytes.empty()) invalid("请选择要上传的文件", "file");
  auto const type = sniff_file(bytes, declared);
  if (!type) invalid("只能上传 PDF、Word、Excel、JPEG 或 PNG 文件", "file");
  if (declared != content_type(*type)) invalid("文件内容与所声明的文件类型不符", "file");

  Attachment file;
  file.info.name = name ? *name : "附件." + std::string(extension(*type));
  file.info.content_type = content_type(*type);
  file.info.size = static_cast<std::int64_t>(bytes.size());
  file.region_id = caller.region_id;
  file.region_path = caller.region_path;
  file.uploader_id = caller.user_id;
  file.sha256 = base::sha256_hex(bytes);
  file.created_at = base::now_ms();
  file.path = media::save_file(uploads_, "attachments", bytes, extension(*type), file.created_at);
  try {
    file.info.id = db_->write([&](db::Connection& conn) {
      auto const id = store::insert_attachment(conn, file);
      auth::audit(conn, actor, "attachments.create", "attachments", std::to_string(id),
                  file.info.content_type + ", " + std::to_string(file.info.size) + " bytes");
      return id;
    });
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(uploads_ / file.path, ignored);
    throw;
  }
  return file.info;
}

FileDownload ContentService::download(auth::Principal const* caller, std::int64_t id) const {
  auto const file = db_->read([&](db::Connection& conn) {
    auto file = store::attachment(conn, id);
    if (!file) throw ApiError(AppError::not_found, "附件不存在");
    auto article = file->article_id ? store::article(conn, *file->article_id) : std::nullopt;
    if (article && article->status == status::published) return std::move(*file);
    if (!caller) throw ApiError(AppError::unauthenticated);
    if (!caller->has("content.write")) throw ApiError(AppError::forbidden);
    if (!caller->covers(file->region_path)) throw ApiError(http::concealed_refusal, "附件不存在");
    return std::move(*file);
  });
  auto bytes = media::PhotoStorage(uploads_).read(file.path);
  if (!bytes) {
    spdlog::warn("attachment {} has a row but no file {}", id, file.path);
    throw ApiError(AppError::not_found, "附件文件不存在");
  }
  return {file.info.name, file.info.content_type, std::move(*bytes)};
}

}  // namespace pufa::content
