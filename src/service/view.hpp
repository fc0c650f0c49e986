// JSON of the service area's views (docs/service.md).
#pragma once

#include <boost/json/object.hpp>

#include "service/service.hpp"

namespace pufa::service {

boost::json::object standard_json(Standard const& s);
boost::json::object village_json(VillageRow const& v);
boost::json::object day_json(DayView const& v);
boost::json::object log_json(LogView const& v);
boost::json::object score_json(ScoreRow const& r);
boost::json::object compliance_json(ComplianceRow const& r);
// Staff see the resident masked; the resident's own page shows neither name nor phone.
boost::json::object booking_json(BookingView const& v, bool staff);
boost::json::object callback_json(CallbackView const& v);
boost::json::object station_json(PublicStation const& s);
boost::json::object public_village_json(PublicVillage const& v);
// Staff see the applicant masked unless revealed; the applicant's own page (`resident`) shows the steps only.
boost::json::object aid_json(AidView const& v, bool resident);

}  // namespace pufa::service
