# Thin wrappers over scripts/ and CMake. See README.md.
SHELL := /bin/bash
DB ?= sqlite:var/pufa.db
LISTEN ?= 127.0.0.1:8080
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) web/index.html web/vite.config.ts web/package.json web/package-lock.json

.PHONY: demo test bootstrap release test-build web bench fmt clean

demo: bootstrap release web/dist/index.html
	@mkdir -p var
	build/release/pufa demo --db $(DB)
	@if [ -d ../shared/data/laws ]; then build/release/pufa import laws ../shared/data/laws --db $(DB); \
	else echo "No law texts beside the checkout: import some with build/release/pufa import laws DIR (see README)"; fi
	@echo "Open http://$(LISTEN) (Ctrl-C stops the server)"
	@echo "短信验证码（有奖竞答、履职评议、法律服务预约、法律援助申请）和给群众的通知（演示没有短信网关）写在 var/sms-outbox.jsonl，催办消息写在 var/reminders.jsonl"
	exec build/release/pufa serve --db $(DB) --listen $(LISTEN) --web web/dist --sms-outbox var/sms-outbox.jsonl --reminder-outbox var/reminders.jsonl

test: bootstrap test-build web/dist/index.html
	ctest --test-dir build/test --output-on-failure --timeout 600

bootstrap:
	scripts/bootstrap

release:
	cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DPUFA_TESTS=OFF
	cmake --build build/release

test-build:
	cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPUFA_SANITIZE=ON
	cmake --build build/test

web/dist/index.html: $(WEB_SOURCES)
	cd web && npm run build

web: web/dist/index.html

bench: bootstrap web/dist/index.html
	cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DPUFA_TESTS=OFF -DPUFA_BENCH=ON
	cmake --build build/release
	bench/http.sh
	build/release/bench/activity_dashboard_bench 1000000 /tmp/pufa-bench-1m.db
	bench/dashboard.sh /tmp/pufa-bench-1m.db
	build/release/bench/duty_tasks_bench 1000000 /tmp/pufa-bench-duty.db
	build/release/bench/assess_scoring_bench 1000000 /tmp/pufa-bench-assess.db

fmt:
	find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf build web/dist
