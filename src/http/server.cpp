// The only file that includes Beast and Asio. Sessions move bytes; the router decides.
#include "http/server.hpp"

#include <fmt/format.h>

#include <spdlog/spdlog.h>

#include <atomic>
#include <cstdio>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>
#include <thread>
#include <vector>

#include "base/random.hpp"

namespace pufa::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

struct Shared {
  Router const& router;
  StaticFiles& files;
  asio::thread_pool& workers;
  asio::thread_pool& compute;
  ServerOptions const& options;
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};
};

Method method_of(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get: return Method::get;
    case bhttp::verb::head: return Method::head;
    case bhttp::verb::post: return Method::post;
    case bhttp::verb::put: return Method::put;
    case bhttp::verb::patch: return Method::patch;
    case bhttp::verb::delete_: return Method::del;
    case bhttp::verb::options: return Method::options;
    default: return Method::other;
  }
}

// What the access log shows of a target: the path, never the query (it can carry a searched
// 身份证号 or phone): "/api/v1/people?…".
std::string loggable_target(std::string_view target) {
  auto const question = target.find('?');
  if (question == std::string_view::npos) return std::string(target);
  return std::string(target.substr(0, question)) + "?…";
}

bool valid_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool const ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Request ids: a random prefix per process and a counter, so a request costs no syscall.
std::string next_request_id() {
  static std::string const prefix = base::random_hex(4);
  static std::atomic<std::uint64_t> counter{0};
  return fmt::format("{}{:08x}", prefix, counter.fetch_add(1) & 0xffffffffULL);
}

bool accepts_gzip(std::string_view accept_encoding) {
  return accept_encoding.find("gzip") != std::string_view::npos;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Shared& shared) : stream_(std::move(socket)), shared_(shared) {}

  void run() {
    beast::error_code ec;
    auto const remote = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ip_ = remote.address().to_string();
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->do_read(); });
  }

 private:
  void do_read() {
    parser_.emplace();
    parser_->header_limit(header_limit);
    parser_->body_limit(boost::none);  // the route's own limit is set in on_header
    stream_.expires_after(idle_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) {
                               self->on_header(ec);
                             });
  }

  void on_header(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted ||
        ec == beast::error::timeout || ec == asio::error::eof) {
      return close();
    }
    started_ = std::chrono::steady_clock::now();
    ++shared_.in_flight;
    counted_ = true;
    request_ = Request{};
    auto const& header = parser_->get();
    auto const sent_id = header["X-Request-Id"];
    request_.request_id = valid_request_id(sent_id) ? std::string(sent_id) : next_request_id();
    if (ec == bhttp::error::header_limit) {
      return reply_error(AppError::payload_too_large, "请求头过大");
    }
    if (ec) return reply_error(AppError::bad_request, {});
    request_.method = method_of(header.method());
    request_.target = std::string(header.target());
    if (!request_.parse_target()) return reply_error(AppError::bad_request, "请求地址不正确");
    bool const bodyless = request_.method == Method::get || request_.method == Method::head;
    // Everything but static files goes through the router: its route is matched here, once.
    static_file_ = bodyless && !shared_.router.has_prefix(request_.path) && shared_.files.enabled();
    match_ = static_file_ ? Router::Match{} : shared_.router.match(request_);
    std::size_t const limit = bodyless || !match_.route ? default_body_limit : match_.route->options.body_limit;
    if (auto length = parser_->content_length(); length && *length > limit) {
      return reply_error(AppError::payload_too_large, {});
    }
    parser_->body_limit(limit);
    stream_.expires_after(read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        self->on_read(ec);
                      });
  }

  void on_read(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) return reply_error(AppError::payload_too_large, {});
    if (ec == beast::error::timeout || ec == asio::error::eof || ec == bhttp::error::end_of_stream ||
        ec == bhttp::error::partial_message) {
      return close();
    }
    if (ec) return reply_error(AppError::bad_request, {});
    auto message = parser_->release();
    keep_alive_ = message.keep_alive();
    for (auto const& field : message) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request_.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request_.body = std::move(message.body());
    request_.remote_ip = shared_.options.trusted_proxies.empty()
                             ? remote_ip_
                             : client_address(remote_ip_, request_.header("x-forwarded-for").value_or(""),
                                              request_.header("x-real-ip").value_or(""), shared_.options.trusted_proxies);

    if (static_file_) return serve_file();
    stream_.expires_never();
    auto& pool = match_.route && match_.route->options.compute ? shared_.compute : shared_.workers;
    asio::post(pool, [self = shared_from_this()] {
      auto response = self->shared_.router.handle(self->request_, self->match_);
      asio::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
        self->reply(std::move(response));
      });
    });
  }

  void serve_file() {
    auto file = shared_.files.lookup(request_.path);
    if (!file) return reply(error_response(AppError::not_found, {}, {}, request_.request_id));
    bool const gzip = !file->gzip.empty() && accepts_gzip(header_value("accept-encoding"));
    std::string const& bytes = gzip ? file->gzip : file->body;
    auto response = std::make_shared<bhttp::response<bhttp::span_body<char const>>>(
        std::piecewise_construct, std::make_tuple(bytes.data(), bytes.size()),
        std::make_tuple(bhttp::status::ok, 11));
    response->set(bhttp::field::content_type, file->content_type);
    response->set(bhttp::field::cache_control, file->cache_control);
    response->set("X-Content-Type-Options", "nosniff");
    if (shared_.options.hsts) response->set(bhttp::field::strict_transport_security, hsts_value);
    if (file->content_type.starts_with("text/html")) {
      response->set("Content-Security-Policy", content_security_policy);
      response->set("X-Frame-Options", "DENY");
      response->set("Referrer-Policy", "same-origin");
    }
    if (!file->gzip.empty()) response->set(bhttp::field::vary, "Accept-Encoding");
    if (gzip) response->set(bhttp::field::content_encoding, "gzip");
    response->set("X-Request-Id", request_.request_id);
    response->keep_alive(keep_alive_ && !shared_.stopping);
    response->prepare_payload();
    if (request_.method == Method::head) {
      // Keep the length of the body a GET would get; send none.
      auto const length = bytes.size();
      auto head = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::ok, 11);
      for (auto const& field : *response) head->set(field.name_string(), field.value());
      head->content_length(length);
      head->keep_alive(response->keep_alive());
      return send(head, 200, 0, file);
    }
    send(response, 200, bytes.size(), file);
  }

  std::string_view header_value(std::string_view lower_name) const {
    return request_.header(lower_name).value_or("");
  }

  void reply_error(AppError error, std::string_view message) {
    keep_alive_ = false;
    reply(error_response(error, message, {}, request_.request_id));
  }

  void reply(Response response) {
    auto message = std::make_shared<bhttp::response<bhttp::string_body>>(
        static_cast<bhttp::status>(response.status), 11);
    for (auto& [name, value] : response.headers) message->set(name, value);
    message->set("X-Request-Id", request_.request_id);
    message->set("X-Content-Type-Options", "nosniff");
    if (shared_.options.hsts) message->set(bhttp::field::strict_transport_security, hsts_value);
    message->keep_alive(keep_alive_ && !shared_.stopping);
    std::size_t const bytes = response.body.size();
    if (request_.method != Method::head) message->body() = std::move(response.body);
    message->prepare_payload();
    if (request_.method == Method::head) message->content_length(bytes);
    send(message, response.status, bytes, nullptr);
  }

  template <class Message>
  void send(std::shared_ptr<Message> message, int status, std::size_t bytes,
            std::shared_ptr<StaticFile const> keep) {
    status_ = status;
    bytes_ = bytes;
    bool const close_after = !message->keep_alive();
    stream_.expires_after(write_timeout);
    bhttp::async_write(stream_, *message,
                       [self = shared_from_this(), message, keep, close_after](
                           beast::error_code ec, std::size_t) { self->on_write(ec, close_after); });
  }

  void on_write(beast::error_code ec, bool close_after) {
    log_access();
    finish_request();
    if (ec || close_after) return close();
    do_read();
  }

  void finish_request() {
    if (counted_) {
      --shared_.in_flight;
      counted_ = false;
    }
  }

  void log_access() {
    if (!shared_.options.access_log) return;
    auto const elapsed = std::chrono::duration<double, std::milli>(
        std::chrono::steady_clock::now() - started_);
    spdlog::info("{} {} \"{} {}\" {} {} {:.1f}ms", request_.request_id, request_.remote_ip,
                 method_name(request_.method), loggable_target(request_.target), status_, bytes_, elapsed.count());
  }

  void close() {
    finish_request();
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Shared& shared_;
  Request request_;
  Router::Match match_;       // the request's route (matched when its header arrived)
  bool static_file_ = false;  // served from StaticFiles, not the router
  std::string remote_ip_;
  bool keep_alive_ = true;
  bool counted_ = false;
  int status_ = 0;
  std::size_t bytes_ = 0;
  std::chrono::steady_clock::time_point started_;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(asio::io_context& ioc, tcp::endpoint endpoint, Shared& shared)
      : ioc_(ioc), acceptor_(asio::make_strand(ioc)), shared_(shared) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
  }

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  void run() { do_accept(); }
  void stop() {
    asio::dispatch(acceptor_.get_executor(), [self = shared_from_this()] {
      beast::error_code ec;
      self->acceptor_.close(ec);
    });
  }

 private:
  void do_accept() {
    acceptor_.async_accept(asio::make_strand(ioc_),
                           [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
                             self->on_accept(ec, std::move(socket));
                           });
  }

  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
    if (!ec) {
      socket.set_option(tcp::no_delay(true), ec);
      std::make_shared<Session>(std::move(socket), shared_)->run();
    }
    do_accept();
  }

  asio::io_context& ioc_;
  tcp::acceptor acceptor_;
  Shared& shared_;
};

}  // namespace

bool address_in(std::string_view ip, std::vector<std::string> const& ranges) {
  boost::system::error_code ec;
  auto const address = asio::ip::make_address(std::string(ip), ec);
  if (ec) return false;
  for (auto const& range : ranges) {
    auto const slash = range.find('/');
    auto const base = asio::ip::make_address(range.substr(0, slash), ec);
    if (ec) continue;
    if (slash == std::string::npos) {
      if (base == address) return true;
      continue;
    }
    int bits = 0;
    try {
      bits = std::stoi(range.substr(slash + 1));
    } catch (...) {
      continue;
    }
    auto const bytes_of = [](asio::ip::address const& a) {
      if (a.is_v4()) {
        auto const b = a.to_v4().to_bytes();
        return std::vector<unsigned char>(b.begin(), b.end());
      }
      auto const b = a.to_v6().to_bytes();
      return std::vector<unsigned char>(b.begin(), b.end());
    };
    // An IPv4 client seen through an IPv6 socket (::ffff:10.0.0.1) matches an IPv4 range.
    auto candidate = address;
    if (address.is_v6() && address.to_v6().is_v4_mapped() && base.is_v4()) {
      candidate = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
    }
    if (candidate.is_v4() != base.is_v4()) continue;
    auto const a = bytes_of(candidate), b = bytes_of(base);
    if (bits < 0 || bits > static_cast<int>(a.size() * 8)) continue;
    bool same = true;
    for (int i = 0; i < bits && same; ++i) {
      unsigned const mask = 0x80u >> (i % 8);
      same = (a[i / 8] & mask) == (b[i / 8] & mask);
    }
    if (same) return true;
  }
  return false;
}

std::string client_address(std::string const& peer, std::string_view forwarded_for, std::string_view real_ip,
                           std::vector<std::string> const& trusted_proxies) {
  if (!address_in(peer, trusted_proxies)) return peer;
  auto const valid = [](std::string_view text) {
    boost::system::error_code ec;
    asio::ip::make_address(std::string(text), ec);
    return !ec;
  };
  auto const trim = [](std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
  };
  // Right to left: each trusted proxy appended the address it saw; the first untrusted one is the client.
  while (!forwarded_for.empty()) {
    auto const comma = forwarded_for.rfind(',');
    auto const hop = trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for = comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
    if (!valid(hop)) return peer;  // a malformed chain: trust none of it
    if (!address_in(hop, trusted_proxies)) return std::string(hop);
  }
  auto const real = trim(real_ip);
  if (!real.empty() && valid(real)) return std::string(real);
  return peer;
}

void serve(ServerOptions const& options, Router const& router, StaticFiles& files,
           std::function<void(std::string const& host, std::uint16_t port)> const& on_listening) {
  int const io_threads = std::max(1, options.io_threads);
  asio::io_context ioc(io_threads);
  asio::thread_pool workers(static_cast<std::size_t>(std::max(1, options.workers)));
  auto const cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  asio::thread_pool compute(
      static_cast<std::size_t>(options.compute_threads > 0 ? options.compute_threads : cores));
  Shared shared{router, files, workers, compute, options};

  auto const address = asio::ip::make_address(options.host);
  auto listener = std::make_shared<Listener>(ioc, tcp::endpoint(address, options.port), shared);
  listener->run();
  on_listening(options.host, listener->port());

  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  asio::steady_timer drain(ioc);
  auto const drain_deadline = std::make_shared<std::chrono::steady_clock::time_point>();
  std::function<void()> wait_for_drain = [&] {
    if (shared.in_flight == 0 || std::chrono::steady_clock::now() > *drain_deadline) {
      ioc.stop();
      return;
    }
    drain.expires_after(std::chrono::milliseconds(20));
    drain.async_wait([&](beast::error_code) { wait_for_drain(); });
  };
  signals.async_wait([&](beast::error_code ec, int signal) {
    if (ec) return;
    spdlog::info("signal {}: no new connections; finishing {} request(s) in flight", signal,
                 shared.in_flight.load());
    shared.stopping = true;
    listener->stop();
    *drain_deadline = std::chrono::steady_clock::now() + drain_timeout;
    wait_for_drain();
  });

  std::vector<std::thread> threads;
  for (int i = 1; i < io_threads; ++i) threads.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& thread : threads) thread.join();
  workers.join();
  compute.join();
  spdlog::info("stopped");
}

}  // namespace pufa::http
