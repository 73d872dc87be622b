package com.videolinks.policy.content;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.AccountRole;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.Conclusion;
import com.videolinks.policy.vocabulary.ConnectDecision;
import com.videolinks.policy.vocabulary.ConnectRefused;
import com.videolinks.policy.vocabulary.CourseLinkFact;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.LinkSelected;
import com.videolinks.policy.vocabulary.MeetingLink;
import com.videolinks.policy.vocabulary.MeetingNeeded;
import com.videolinks.policy.vocabulary.MeetingsKept;
import com.videolinks.policy.vocabulary.Opaque;
import com.videolinks.policy.vocabulary.LinkPending;
import com.videolinks.policy.vocabulary.LinkWithheld;
import com.videolinks.policy.vocabulary.LinkHidden;
import com.videolinks.policy.vocabulary.LinkMode;
import com.videolinks.policy.vocabulary.LinkSource;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.RefusalReason;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.policy.vocabulary.SessionFact;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SiteFact;
import com.videolinks.policy.vocabulary.StaffConnectRequest;
import com.videolinks.policy.vocabulary.ViewRequest;
import com.videolinks.policy.vocabulary.WithholdReason;
import com.videolinks.policy.vocabulary.ZoomMeetingFact;

/**
 * The types a rule may name: the records and enums of {@code com.videolinks.policy.vocabulary}. Listed here, not
 * scanned, so adding a type to what rules can reach is a reviewed change ({@code RuleVocabularyTest} keeps the list
 * equal to the package).
 */
final class RuleVocabulary {

    static final String PACKAGE = Conclusion.class.getPackageName();

    static final List<Class<?>> TYPES = List.of(AccountFact.class, AccountRole.class, Channel.class, Conclusion.class,
            ConnectDecision.class, CourseLinkFact.class, Link.class, LinkDecision.class, LinkMode.class,
            LinkSource.class, LinkStatus.class, ManualLink.class, Plan.class, Provider.class, RefusalReason.class,
            ServiceKind.class, SessionFact.class, SessionFacts.class, SiteFact.class, StaffConnectRequest.class,
            ViewRequest.class, WithholdReason.class, ZoomMeetingFact.class,
            LinkSelected.class, MeetingLink.class,
            LinkPending.class, LinkWithheld.class,
            LinkHidden.class, ConnectRefused.class,
            MeetingNeeded.class, MeetingsKept.class);

    private static final Map<String, Class<?>> BY_SIMPLE_NAME = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private RuleVocabulary() {
    }

    /** A vocabulary type by simple name or by its name in the vocabulary package. */
    static Optional<Class<?>> type(String name) {
        String simple = name;
        if (name.contains(".")) {
            if (!name.startsWith(PACKAGE + ".")) {
                return Optional.empty();
            }
            simple = name.substring(PACKAGE.length() + 1);
        }
        return Optional.ofNullable(BY_SIMPLE_NAME.get(simple));
    }

    /** Record types: what patterns match on. */
    static Optional<Class<?>> factType(String name) {
        return type(name).filter(Class::isRecord);
    }

    /** What a consequence may insert: the permitted conclusions. */
    static Optional<Class<?>> conclusion(String name) {
        return type(name).filter(t -> t.isRecord() && Conclusion.class.isAssignableFrom(t));
    }

    static Optional<Class<?>> enumType(String name) {
        return type(name).filter(Class::isEnum);
    }

    static boolean isEnumConstant(Class<?> enumType, String name) {
        return Arrays.stream(enumType.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(name));
    }

    /** The type of record component {@code name} of {@code type}, if {@code type} is a vocabulary record. */
    static Optional<Class<?>> component(Class<?> type, String name) {
        return recordComponent(type, name).map(RecordComponent::getType);
    }

    /** Whether component {@code name} of vocabulary record {@code type} is a name ({@link Opaque}): an id or a link. */
    static boolean isOpaque(Class<?> type, String name) {
        return recordComponent(type, name).filter(c -> c.isAnnotationPresent(Opaque.class)).isPresent();
    }

    private static Optional<RecordComponent> recordComponent(Class<?> type, String name) {
        if (type == null || !type.isRecord() || !TYPES.contains(type)) {
            return Optional.empty();
        }
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst();
    }

    /** Whether the {@code index}th component of vocabulary record {@code type} is a name ({@link Opaque}). */
    static boolean isOpaque(Class<?> type, int index) {
        RecordComponent[] components = type.getRecordComponents();
        return index < components.length && components[index].isAnnotationPresent(Opaque.class);
    }
}
